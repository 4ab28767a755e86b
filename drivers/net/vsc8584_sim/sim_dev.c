// SPDX-License-Identifier: GPL-2.0
/*
 * Device of the VSC8584 simulator.
 *
 * A platform device and driver stand for the board the PHY package sits on:
 * the MDIO bus and the Ethernet ports hang below it. phylib needs that: it
 * takes the module of the MAC's parent driver when a port attaches its PHY.
 */

#include <linux/module.h>
#include <linux/platform_device.h>

#include <rsmacsec/vsc8584_sim.h>

#define VSC8584_SIM_NAME	"vsc8584-sim"

static struct platform_device *vsc8584_sim_pdev;

/*
 * The identifier every PHY of the package reports in MII registers 2/3. The
 * default is the VSC8584; another value lets a test bind a PHY driver of its
 * own to the simulated ports instead of the VSC8584 drivers.
 */
static unsigned int phy_id = 0x000707c1;
module_param(phy_id, uint, 0444);
MODULE_PARM_DESC(phy_id, "PHY identifier of the simulated PHYs (default 0x000707c1, VSC8584)");

static int vsc8584_sim_probe(struct platform_device *pdev)
{
	u8 base = *(u8 *)dev_get_platdata(&pdev->dev);
	int err;

	err = vsc8584_sim_bus_register(&pdev->dev, base);
	if (err)
		return err;
	err = vsc8584_sim_ports_register(&pdev->dev, base);
	if (err) {
		vsc8584_sim_bus_unregister();
		return err;
	}
	vsc8584_sim_debugfs_init();
	return 0;
}

static void vsc8584_sim_remove(struct platform_device *pdev)
{
	vsc8584_sim_debugfs_exit();
	/* The ports hold PHYs of the bus: they go first. */
	vsc8584_sim_ports_unregister();
	vsc8584_sim_bus_unregister();
}

static struct platform_driver vsc8584_sim_driver = {
	.probe = vsc8584_sim_probe,
	.remove = vsc8584_sim_remove,
	.driver = {
		.name = VSC8584_SIM_NAME,
	},
};

int vsc8584_sim_register(u8 base)
{
	int err;

	/* Before the bus exists: its registration reads the identifier. */
	vsc8584_sim_set_phy_id(phy_id);
	err = platform_driver_register(&vsc8584_sim_driver);
	if (err)
		return err;
	vsc8584_sim_pdev = platform_device_register_data(NULL, VSC8584_SIM_NAME,
							 PLATFORM_DEVID_NONE,
							 &base, sizeof(base));
	if (IS_ERR(vsc8584_sim_pdev)) {
		err = PTR_ERR(vsc8584_sim_pdev);
		goto err_driver;
	}
	/* Probing is synchronous: a device without its driver failed to probe. */
	if (!vsc8584_sim_pdev->dev.driver) {
		err = -ENODEV;
		platform_device_unregister(vsc8584_sim_pdev);
		goto err_driver;
	}
	return 0;

err_driver:
	platform_driver_unregister(&vsc8584_sim_driver);
	return err;
}

void vsc8584_sim_unregister(void)
{
	platform_device_unregister(vsc8584_sim_pdev);
	platform_driver_unregister(&vsc8584_sim_driver);
}
