// SPDX-License-Identifier: GPL-2.0
/*
 * MDIO bus of the VSC8584 simulator.
 *
 * Linux 6.12 has no Rust abstraction for registering an MDIO bus, and a bus
 * that only a test simulator registers does not justify one, so this thin
 * glue registers it and forwards every clause-22 access to the register model
 * in Rust. The MDIO core serialises the accesses of a bus with its mdio_lock,
 * which is what the Rust side relies on.
 *
 * Each PHY's interrupt output (MDINT) reaches phylib through an interrupt of
 * the kernel's interrupt simulator, set in bus->irq[] so that phylib serves
 * the PHYs by interrupt rather than by polling.
 */

#include <linux/interrupt.h>
#include <linux/irq_sim.h>
#include <linux/module.h>
#include <linux/phy.h>

#include <rsmacsec/vsc8584_sim.h>

/* The PHYs of one package sit at four consecutive addresses. */

/* The bus, for the ports (sim_port.c). */
struct mii_bus *vsc8584_sim_bus;

static struct irq_domain *vsc8584_sim_irq_domain;
static unsigned int vsc8584_sim_irqs[VSC8584_SIM_PHYS];
/* MDINT outputs last seen; an interrupt fires when one rises. */
static u8 vsc8584_sim_irq_level;

/* Called with the bus's mdio_lock held, after anything that may move MDINT. */
void vsc8584_sim_irq_sync(void)
{
	u8 level = vsc8584_sim_irq_lines();
	u8 rising = level & ~vsc8584_sim_irq_level;
	int i;

	vsc8584_sim_irq_level = level;
	for (i = 0; i < VSC8584_SIM_PHYS; i++)
		if (rising & BIT(i))
			irq_set_irqchip_state(vsc8584_sim_irqs[i],
					      IRQCHIP_STATE_PENDING, true);
}

static int vsc8584_sim_read(struct mii_bus *bus, int addr, int regnum)
{
	int ret = vsc8584_sim_mdio_read(addr, regnum);

	/* Reading the interrupt status clears it: MDINT may fall. */
	vsc8584_sim_irq_sync();
	return ret;
}

static int vsc8584_sim_write(struct mii_bus *bus, int addr, int regnum,
			     u16 val)
{
	int ret = vsc8584_sim_mdio_write(addr, regnum, val);

	/* Writing an interrupt mask may raise MDINT. */
	vsc8584_sim_irq_sync();
	return ret;
}

static void vsc8584_sim_irq_remove(void)
{
	int i;

	for (i = 0; i < VSC8584_SIM_PHYS; i++)
		if (vsc8584_sim_irqs[i])
			irq_dispose_mapping(vsc8584_sim_irqs[i]);
	memset(vsc8584_sim_irqs, 0, sizeof(vsc8584_sim_irqs));
	irq_domain_remove_sim(vsc8584_sim_irq_domain);
	vsc8584_sim_irq_domain = NULL;
}

static int vsc8584_sim_irq_add(struct mii_bus *bus, u8 base)
{
	int i;

	vsc8584_sim_irq_domain = irq_domain_create_sim(NULL, VSC8584_SIM_PHYS);
	if (IS_ERR(vsc8584_sim_irq_domain))
		return PTR_ERR(vsc8584_sim_irq_domain);
	vsc8584_sim_irq_level = 0;
	for (i = 0; i < VSC8584_SIM_PHYS; i++) {
		vsc8584_sim_irqs[i] = irq_create_mapping(vsc8584_sim_irq_domain, i);
		if (!vsc8584_sim_irqs[i]) {
			vsc8584_sim_irq_remove();
			return -ENOMEM;
		}
		bus->irq[base + i] = vsc8584_sim_irqs[i];
	}
	return 0;
}

int vsc8584_sim_bus_register(struct device *parent, u8 base)
{
	struct mii_bus *bus;
	int err;

	if (base > PHY_MAX_ADDR - VSC8584_SIM_PHYS)
		return -EINVAL;

	bus = mdiobus_alloc();
	if (!bus)
		return -ENOMEM;

	bus->name = "VSC8584 simulator";
	bus->parent = parent;
	snprintf(bus->id, MII_BUS_ID_SIZE, "vsc8584-sim");
	bus->read = vsc8584_sim_read;
	bus->write = vsc8584_sim_write;
	/* Only scan the package: other addresses answer 0xffff anyway. */
	bus->phy_mask = ~(GENMASK(VSC8584_SIM_PHYS - 1, 0) << base);

	err = vsc8584_sim_irq_add(bus, base);
	if (err) {
		mdiobus_free(bus);
		return err;
	}
	err = mdiobus_register(bus);
	if (err) {
		vsc8584_sim_irq_remove();
		mdiobus_free(bus);
		return err;
	}
	vsc8584_sim_bus = bus;
	return 0;
}

void vsc8584_sim_bus_unregister(void)
{
	if (!vsc8584_sim_bus)
		return;
	mdiobus_unregister(vsc8584_sim_bus);
	mdiobus_free(vsc8584_sim_bus);
	vsc8584_sim_bus = NULL;
	vsc8584_sim_irq_remove();
}
