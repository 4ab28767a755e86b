// SPDX-License-Identifier: GPL-2.0
/*
 * The wire of the VSC8584 simulator: what happens to a frame between one
 * port's MAC and the other's.
 *
 *   MAC (port A) -> PHY A egress MACsec engine -> cable -> PHY B ingress
 *   MACsec engine -> MAC (port B)
 *
 * The engines are the Rust model (vsc8584_sim_engine()), which reads the
 * flows and transform records the PHY driver wrote over MDIO; the cable keeps
 * a copy of every frame for the tap (sim_debugfs.c serves it as a pcap) and
 * may drop or corrupt one frame on request (fault injection). The model's
 * state is protected by the bus's mdio_lock, a mutex, so frames are carried
 * from process context (sim_port.c queues them to a work item).
 */

#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/phy.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>

#include <rsmacsec/vsc8584_sim.h>

/* The tap on the wire: copies of the last frames the cable carried. */
struct sk_buff_head vsc8584_sim_wire;

/* Wire fault injection and statistics, under vsc8584_sim_wire_lock. */
static DEFINE_SPINLOCK(vsc8584_sim_wire_lock);
static u64 vsc8584_sim_fault_in;
static enum vsc8584_sim_wire_fault vsc8584_sim_fault;
static struct vsc8584_sim_wire_stats vsc8584_sim_wire_stats;

void vsc8584_sim_wire_set_fault(u64 nth, enum vsc8584_sim_wire_fault fault)
{
	spin_lock_bh(&vsc8584_sim_wire_lock);
	vsc8584_sim_fault_in = nth;
	vsc8584_sim_fault = nth ? fault : VSC8584_SIM_WIRE_OK;
	spin_unlock_bh(&vsc8584_sim_wire_lock);
}

void vsc8584_sim_wire_get_stats(struct vsc8584_sim_wire_stats *stats)
{
	spin_lock_bh(&vsc8584_sim_wire_lock);
	*stats = vsc8584_sim_wire_stats;
	spin_unlock_bh(&vsc8584_sim_wire_lock);
}

/* Counts a frame onto the cable and tells what the armed fault does to it. */
static enum vsc8584_sim_wire_fault vsc8584_sim_wire_next(void)
{
	enum vsc8584_sim_wire_fault fault = VSC8584_SIM_WIRE_OK;

	spin_lock_bh(&vsc8584_sim_wire_lock);
	vsc8584_sim_wire_stats.carried++;
	if (vsc8584_sim_fault_in && !--vsc8584_sim_fault_in) {
		fault = vsc8584_sim_fault;
		vsc8584_sim_fault = VSC8584_SIM_WIRE_OK;
		if (fault == VSC8584_SIM_WIRE_DROP)
			vsc8584_sim_wire_stats.fault_dropped++;
		else
			vsc8584_sim_wire_stats.fault_corrupted++;
	}
	spin_unlock_bh(&vsc8584_sim_wire_lock);
	return fault;
}

static void vsc8584_sim_wire_count_drop(bool egress)
{
	spin_lock_bh(&vsc8584_sim_wire_lock);
	if (egress)
		vsc8584_sim_wire_stats.egress_dropped++;
	else
		vsc8584_sim_wire_stats.ingress_dropped++;
	spin_unlock_bh(&vsc8584_sim_wire_lock);
}

static void vsc8584_sim_tap(const struct sk_buff *skb)
{
	struct sk_buff *copy = skb_copy(skb, GFP_KERNEL);

	if (!copy)
		return;
	copy->tstamp = ktime_get_real();
	skb_queue_tail(&vsc8584_sim_wire, copy);
	if (skb_queue_len(&vsc8584_sim_wire) > VSC8584_SIM_WIRE_FRAMES)
		kfree_skb(skb_dequeue(&vsc8584_sim_wire));
}

/*
 * Runs @skb through MACsec engine @egress of PHY @phy into a new buffer
 * allocated for @ndev (or without a device when NULL). Consumes @skb; returns
 * the engine's output, or NULL when the engine dropped the frame or memory
 * ran out.
 */
static struct sk_buff *vsc8584_sim_engine_run(struct sk_buff *skb, u8 phy,
					      bool egress,
					      struct net_device *ndev)
{
	size_t cap = skb->len + VSC8584_SIM_ENGINE_EXPANSION;
	struct sk_buff *out;
	int len;

	if (skb_linearize(skb))
		goto drop;
	out = ndev ? netdev_alloc_skb(ndev, cap) : alloc_skb(cap, GFP_KERNEL);
	if (!out)
		goto drop;

	mutex_lock(&vsc8584_sim_bus->mdio_lock);
	len = vsc8584_sim_engine(phy, egress, skb->data, skb->len, out->data,
				 cap);
	/* A PN roll-over or threshold event may have raised MDINT. */
	vsc8584_sim_irq_sync();
	mutex_unlock(&vsc8584_sim_bus->mdio_lock);

	consume_skb(skb);
	if (len < 0) {
		vsc8584_sim_wire_count_drop(egress);
		kfree_skb(out);
		return NULL;
	}
	skb_put(out, len);
	return out;

drop:
	kfree_skb(skb);
	return NULL;
}

/*
 * Carries @skb, sent by the MAC of the port on PHY @from, to the MAC of the
 * port on PHY @to, whose net_device is @peer. Consumes @skb; returns the frame
 * as it reaches the peer's MAC, or NULL when it was lost on the way.
 */
struct sk_buff *vsc8584_sim_wire_carry(struct sk_buff *skb, u8 from, u8 to,
				       struct net_device *peer)
{
	struct sk_buff *line;

	line = vsc8584_sim_engine_run(skb, from, true, NULL);
	if (!line)
		return NULL;

	switch (vsc8584_sim_wire_next()) {
	case VSC8584_SIM_WIRE_DROP:
		kfree_skb(line);
		return NULL;
	case VSC8584_SIM_WIRE_CORRUPT:
		/* One bit in the middle: the payload, or a secure frame's data. */
		line->data[line->len / 2] ^= 0x01;
		break;
	case VSC8584_SIM_WIRE_OK:
		break;
	}
	vsc8584_sim_tap(line);

	return vsc8584_sim_engine_run(line, to, false, peer);
}

void vsc8584_sim_wire_init(void)
{
	skb_queue_head_init(&vsc8584_sim_wire);
	spin_lock_bh(&vsc8584_sim_wire_lock);
	vsc8584_sim_fault_in = 0;
	vsc8584_sim_fault = VSC8584_SIM_WIRE_OK;
	memset(&vsc8584_sim_wire_stats, 0, sizeof(vsc8584_sim_wire_stats));
	spin_unlock_bh(&vsc8584_sim_wire_lock);
}

void vsc8584_sim_wire_exit(void)
{
	skb_queue_purge(&vsc8584_sim_wire);
}
