// SPDX-License-Identifier: GPL-2.0
/*
 * Ethernet ports of the VSC8584 simulator.
 *
 * Two net_devices, each attached through phylib (SGMII) to one PHY of the
 * simulated package, wired back to back: what one port sends arrives at the
 * other, through both PHYs' MACsec engines (sim_wire.c). The link of both
 * PHYs is up while both ports are up. Linux 6.12 has no Rust abstraction for
 * a net_device, and the MAC side of a test wire does not justify one, so this
 * is C glue like the MDIO bus.
 *
 * The engines' register model is protected by a mutex (the bus's mdio_lock),
 * so ndo_start_xmit only queues the frame; a work item per port carries the
 * queued frames in order.
 */

#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/phy.h>
#include <linux/rtnetlink.h>

#include <rsmacsec/vsc8584_sim.h>

#define VSC8584_SIM_PORTS	2
/* Frames a port queues before it drops, like a MAC's transmit FIFO. */
#define VSC8584_SIM_TXQ_LEN	256

struct vsc8584_sim_port {
	struct net_device *ndev;
	/* Frames sent by the MAC, waiting for tx_work to carry them. */
	struct sk_buff_head txq;
	struct work_struct tx_work;
	/* Index of the PHY in the package, and of the port. */
	u8 index;
	u8 addr;
};

static struct net_device *vsc8584_sim_ports[VSC8584_SIM_PORTS];

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
	struct vsc8584_sim_port *port = netdev_priv(ndev);

	netif_stop_queue(ndev);
	cancel_work_sync(&port->tx_work);
	skb_queue_purge(&port->txq);
	vsc8584_sim_update_link();
	if (ndev->phydev) {
		phy_stop(ndev->phydev);
		phy_disconnect(ndev->phydev);
	}
	return 0;
}

/* Carries the frames the MAC sent to the other port's MAC, in order. */
static void vsc8584_sim_tx_work(struct work_struct *work)
{
	struct vsc8584_sim_port *port =
		container_of(work, struct vsc8584_sim_port, tx_work);
	struct net_device *ndev = port->ndev;
	struct sk_buff *skb, *rx;
	struct net_device *peer;
	unsigned int len;

	while ((skb = skb_dequeue(&port->txq))) {
		/* The peer stays registered while this port is open. */
		peer = vsc8584_sim_ports[!port->index];
		len = skb->len;
		if (!peer || !netif_running(peer)) {
			dev_core_stats_tx_dropped_inc(ndev);
			kfree_skb(skb);
			continue;
		}
		/* The per-CPU statistics want preemption off. */
		local_bh_disable();
		dev_sw_netstats_tx_add(ndev, 1, len);
		local_bh_enable();
		rx = vsc8584_sim_wire_carry(skb, port->index, !port->index,
					    peer);
		if (!rx)
			continue;
		len = rx->len;
		rx->protocol = eth_type_trans(rx, peer);
		if (netif_rx(rx) == NET_RX_SUCCESS) {
			local_bh_disable();
			dev_sw_netstats_rx_add(peer, len);
			local_bh_enable();
		}
	}
}

static netdev_tx_t vsc8584_sim_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct vsc8584_sim_port *port = netdev_priv(ndev);

	if (!netif_carrier_ok(ndev) ||
	    skb_queue_len(&port->txq) >= VSC8584_SIM_TXQ_LEN) {
		dev_core_stats_tx_dropped_inc(ndev);
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	skb_queue_tail(&port->txq, skb);
	schedule_work(&port->tx_work);
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

	vsc8584_sim_wire_init();
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
		skb_queue_head_init(&port->txq);
		INIT_WORK(&port->tx_work, vsc8584_sim_tx_work);
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

	/*
	 * Close both ports first: then no transmit work runs, and none can
	 * reach a peer that is being freed.
	 */
	rtnl_lock();
	for (i = 0; i < VSC8584_SIM_PORTS; i++)
		if (vsc8584_sim_ports[i])
			dev_close(vsc8584_sim_ports[i]);
	rtnl_unlock();
	for (i = VSC8584_SIM_PORTS - 1; i >= 0; i--)
		vsc8584_sim_unregister_port(i);
	vsc8584_sim_wire_exit();
}
