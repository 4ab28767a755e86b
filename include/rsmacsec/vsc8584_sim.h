/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interface between the C glue and the Rust core of the VSC8584 simulator.
 *
 * The Rust core (drivers/net/vsc8584_sim/sim_main.rs) owns the register
 * model of the simulated PHY package; the C glue (sim_mdio.c) registers the
 * MDIO bus that carries it and the two Ethernet ports attached to its PHYs,
 * for which Linux 6.12 has no Rust abstractions.
 */
#ifndef _RSMACSEC_VSC8584_SIM_H
#define _RSMACSEC_VSC8584_SIM_H

#include <linux/types.h>

/* Implemented in Rust; called with the bus's mdio_lock held. */
int vsc8584_sim_mdio_read(u8 addr, u8 regnum);
int vsc8584_sim_mdio_write(u8 addr, u8 regnum, u16 val);
void vsc8584_sim_set_phy_id(u32 id);
void vsc8584_sim_set_link(u8 phy, bool up);
u8 vsc8584_sim_irq_lines(void);
void vsc8584_sim_fail_accesses(u64 nth, u32 count, bool timeout);
void vsc8584_sim_set_window_stuck(u8 phy, bool stuck);
u64 vsc8584_sim_accesses(void);
u64 vsc8584_sim_reads(void);
int vsc8584_sim_engine(u8 phy, bool egress, const u8 *frame, size_t len,
		       u8 *out, size_t cap);
ssize_t vsc8584_sim_dump(u8 phy, u8 view, u8 *buf, size_t cap);
ssize_t vsc8584_sim_misuse(u8 *buf, size_t cap);
void vsc8584_sim_misuse_clear(void);
ssize_t vsc8584_sim_variants(u8 *buf, size_t cap);
int vsc8584_sim_set_variant(const u8 *cmd, size_t len);
int vsc8584_sim_macsec_write(u8 phy, bool egress, u16 addr, u32 val);

/* Octets a MACsec engine may add to a frame: SecTAG with SCI, and ICV. */
#define VSC8584_SIM_ENGINE_EXPANSION	32

/* PHYs in the package. */
#define VSC8584_SIM_PHYS	4

/* Implemented in C. */
struct device;
struct mii_bus;
struct net_device;
struct sk_buff;
struct sk_buff_head;

extern struct mii_bus *vsc8584_sim_bus;
/* The tap keeps the last VSC8584_SIM_WIRE_FRAMES frames of the wire. */
#define VSC8584_SIM_WIRE_FRAMES	1024
extern struct sk_buff_head vsc8584_sim_wire;

/* What a wire fault does to the frame it hits. */
enum vsc8584_sim_wire_fault {
	VSC8584_SIM_WIRE_OK,
	VSC8584_SIM_WIRE_DROP,
	VSC8584_SIM_WIRE_CORRUPT,
};

/* Frames the wire carried, and frames lost on the way. */
struct vsc8584_sim_wire_stats {
	u64 carried;
	u64 egress_dropped;
	u64 ingress_dropped;
	u64 fault_dropped;
	u64 fault_corrupted;
};

int vsc8584_sim_register(u8 base);
void vsc8584_sim_unregister(void);
void vsc8584_sim_irq_sync(void);
int vsc8584_sim_bus_register(struct device *parent, u8 base);
void vsc8584_sim_bus_unregister(void);
int vsc8584_sim_ports_register(struct device *parent, u8 base);
void vsc8584_sim_ports_unregister(void);
void vsc8584_sim_wire_init(void);
void vsc8584_sim_wire_exit(void);
struct sk_buff *vsc8584_sim_wire_carry(struct sk_buff *skb, u8 from, u8 to,
				       struct net_device *peer);
void vsc8584_sim_wire_set_fault(u64 nth, enum vsc8584_sim_wire_fault fault);
void vsc8584_sim_wire_get_stats(struct vsc8584_sim_wire_stats *stats);
void vsc8584_sim_debugfs_init(void);
void vsc8584_sim_debugfs_exit(void);

#endif /* _RSMACSEC_VSC8584_SIM_H */
