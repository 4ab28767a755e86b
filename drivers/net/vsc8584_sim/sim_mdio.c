// SPDX-License-Identifier: GPL-2.0
/*
 * MDIO bus of the VSC8584 simulator.
 *
 * Linux 6.12 has no Rust abstraction for registering an MDIO bus, and a bus
 * that only a test simulator registers does not justify one, so this thin
 * glue registers it and forwards every clause-22 access to the register model
 * in Rust. The MDIO core serialises the accesses of a bus with its mdio_lock,
 * which is what the Rust side relies on.
 */

#include <linux/module.h>
#include <linux/phy.h>

#include <rsmacsec/vsc8584_sim.h>

/* The PHYs of one package sit at four consecutive addresses. */
#define VSC8584_SIM_PHYS	4

/* The bus, for the ports (sim_port.c). */
struct mii_bus *vsc8584_sim_bus;

static int vsc8584_sim_read(struct mii_bus *bus, int addr, int regnum)
{
	return vsc8584_sim_mdio_read(addr, regnum);
}

static int vsc8584_sim_write(struct mii_bus *bus, int addr, int regnum,
			     u16 val)
{
	return vsc8584_sim_mdio_write(addr, regnum, val);
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

	err = mdiobus_register(bus);
	if (err) {
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
}
