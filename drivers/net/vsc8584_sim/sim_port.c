// SPDX-License-Identifier: GPL-2.0
/*
 * Ethernet ports of the VSC8584 simulator.
 *
 * Two net_devices, each attached through phylib (SGMII) to one PHY of the
 * simulated package, wired back to back: what one port sends arrives at the
 * other. The link of both PHYs is up while both ports are up. Linux 6.12 has
 * no Rust abstraction for a net_device, and the MAC side of a test wire does
 * not justify one, so this is C glue like the MDIO bus.
 *
 * The MACsec engines are not in the frame path yet: the wire carries the
 * frames the MAC sends, unchanged. A tap keeps copies of the last frames on
 * the wire, which debugfs serves as a pcap file (sim_debugfs.c).
 */

#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/phy.h>

#include <rsmacsec/vsc8584_sim.h>

#define VSC8584_SIM_PORTS	2

struct vsc8584_sim_port {
	struct net_device *ndev;
	/* Index of the PHY in the package, and of the port. */
	u8 index;
	u8 addr;
};

static struct net_device *vsc8584_sim_ports[VSC8584_SIM_PORTS];

/* The tap on the wire: copies of the last frames the cable carried. */
struct sk_buff_head vsc8584_sim_wire;

static void vsc8584_sim_tap(const struct sk_buff *skb)
{
	struct sk_buff *copy = skb_copy(skb, GFP_ATOMIC);

	if (!copy)
		return;
	copy->tstamp = ktime_get_real();
	skb_queue_tail(&vsc8584_sim_wire, copy);
	if (skb_queue_len(&vsc8584_sim_wire) > VSC8584_SIM_WIRE_FRAMES)
		kfree_skb(skb_dequeue(&vsc8584_sim_wire));
}

/* The copper link of both PHYs is up while both ports are up. */
static void vsc8584_sim_update_link(void)
{
	bool up = true;
	int i;

	for (i = 0; i < VSC8584_SIM_PORTS; i++)
		up &= vsc8584_sim_ports[i] && netif_running(vsc8584_sim_ports[i]);

	mutex_lock(&vsc8584_sim_bus->mdio_lock);
	for (i = 0; i < VSC8584_SIM_PORTS; i++)
		vsc8584_sim_set_link(i, up);
	vsc8584_sim_irq_sync();
	mutex_unlock(&vsc8584_sim_bus->mdio_lock);
}

static void vsc8584_sim_adjust_link(struct net_device *ndev)
{
	/* phylib sets the carrier; there is no MAC to reconfigure. */
}

/*
 * __dev_open() sets the running state before calling ndo_open, and
 * __dev_close_many() clears it before ndo_stop, so both see the new state.
 */
static int vsc8584_sim_open(struct net_device *ndev)
{
	struct vsc8584_sim_port *port = netdev_priv(ndev);
	struct phy_device *phydev;

	phydev = mdiobus_get_phy(vsc8584_sim_bus, port->addr);
	if (!phydev)
		return -ENODEV;

	/* Attaching here, not at creation, lets any driver bind to the PHY first. */
	phydev = phy_connect(ndev, phydev_name(phydev), vsc8584_sim_adjust_link,
			     PHY_INTERFACE_MODE_SGMII);
	if (IS_ERR(phydev))
		return PTR_ERR(phydev);

	vsc8584_sim_update_link();
	phy_start(phydev);
	netif_start_queue(ndev);
	return 0;
}

static int vsc8584_sim_stop(struct net_device *ndev)
{
	netif_stop_queue(ndev);
	vsc8584_sim_update_link();
	if (ndev->phydev) {
		phy_stop(ndev->phydev);
		phy_disconnect(ndev->phydev);
	}
	return 0;
}

/* The wire: hand the frame to the other port, as a cable would. */
static netdev_tx_t vsc8584_sim_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct vsc8584_sim_port *port = netdev_priv(ndev);
	struct net_device *peer = vsc8584_sim_ports[!port->index];
	unsigned int len = skb->len;

	if (!peer || !netif_carrier_ok(ndev) || !netif_running(peer)) {
		dev_core_stats_tx_dropped_inc(ndev);
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	vsc8584_sim_tap(skb);
	if (dev_forward_skb(peer, skb) == NET_RX_SUCCESS) {
		dev_sw_netstats_tx_add(ndev, 1, len);
		dev_sw_netstats_rx_add(peer, len);
	}
	return NETDEV_TX_OK;
}

static const struct net_device_ops vsc8584_sim_netdev_ops = {
	.ndo_open		= vsc8584_sim_open,
	.ndo_stop		= vsc8584_sim_stop,
	.ndo_start_xmit		= vsc8584_sim_xmit,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_get_stats64	= dev_get_tstats64,
};

static void vsc8584_sim_unregister_port(int i)
{
	struct net_device *ndev = vsc8584_sim_ports[i];

	if (!ndev)
		return;
	unregister_netdev(ndev);
	vsc8584_sim_ports[i] = NULL;
	free_netdev(ndev);
}

int vsc8584_sim_ports_register(struct device *parent, u8 base)
{
	struct vsc8584_sim_port *port;
	struct net_device *ndev;
	int i, err;

	skb_queue_head_init(&vsc8584_sim_wire);
	for (i = 0; i < VSC8584_SIM_PORTS; i++) {
		ndev = alloc_etherdev(sizeof(*port));
		if (!ndev) {
			err = -ENOMEM;
			goto err_unregister;
		}
		port = netdev_priv(ndev);
		port->ndev = ndev;
		port->index = i;
		port->addr = base + i;
		strscpy(ndev->name, "vsim%d", IFNAMSIZ);
		ndev->netdev_ops = &vsc8584_sim_netdev_ops;
		/* phylib takes the module of the parent's driver as the MAC's. */
		SET_NETDEV_DEV(ndev, parent);
		ndev->pcpu_stat_type = NETDEV_PCPU_STAT_TSTATS;
		eth_hw_addr_random(ndev);

		err = register_netdev(ndev);
		if (err) {
			free_netdev(ndev);
			goto err_unregister;
		}
		vsc8584_sim_ports[i] = ndev;
	}
	return 0;

err_unregister:
	while (--i >= 0)
		vsc8584_sim_unregister_port(i);
	return err;
}

void vsc8584_sim_ports_unregister(void)
{
	int i;

	for (i = VSC8584_SIM_PORTS - 1; i >= 0; i--)
		vsc8584_sim_unregister_port(i);
	skb_queue_purge(&vsc8584_sim_wire);
}
