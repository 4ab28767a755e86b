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
void vsc8584_sim_set_link(u8 phy, bool up);
u8 vsc8584_sim_irq_lines(void);
void vsc8584_sim_fail_accesses(u64 nth, u32 count, bool timeout);
void vsc8584_sim_set_window_stuck(u8 phy, bool stuck);
u64 vsc8584_sim_accesses(void);

/* Implemented in C. */
struct device;
struct mii_bus;
struct sk_buff_head;

extern struct mii_bus *vsc8584_sim_bus;
/* The tap keeps the last VSC8584_SIM_WIRE_FRAMES frames of the wire. */
#define VSC8584_SIM_WIRE_FRAMES	256
extern struct sk_buff_head vsc8584_sim_wire;

int vsc8584_sim_register(u8 base);
void vsc8584_sim_unregister(void);
void vsc8584_sim_irq_sync(void);
int vsc8584_sim_bus_register(struct device *parent, u8 base);
void vsc8584_sim_bus_unregister(void);
int vsc8584_sim_ports_register(struct device *parent, u8 base);
void vsc8584_sim_ports_unregister(void);
void vsc8584_sim_debugfs_init(void);
void vsc8584_sim_debugfs_exit(void);

#endif /* _RSMACSEC_VSC8584_SIM_H */
