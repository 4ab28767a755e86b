// SPDX-License-Identifier: GPL-2.0

//! The initialisation a package needs once, whichever of its PHYs comes up first: the LC-PLL,
//! the tuning of every PHY, the 8051's firmware, the host SerDes and the COMA mode.
//!
//! Everything goes through the package's PHY 0, at MDIO address `base`: the 8051 answers its
//! CRC only there, and the GPIO page and the MACRO_CTRL bank belong to the package.

use super::{micro, serdes, tuning, HostInterface};
use crate::hw::micro as m8051;
use crate::hw::regs::{gpio, page};
use crate::logic::error::{Errno, Error, Result};
use crate::logic::mdio::Mdio;
use crate::logic::paged::Paged;
use crate::logic::window::Window;

/// What the package initialisation found and did to the 8051's firmware.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Firmware {
    /// The CRC the 8051 reported before anything was downloaded.
    pub crc_found: u16,
    /// The patch was downloaded, because that CRC was not [`gpio::FW_CRC`].
    pub downloaded: bool,
}

/// Initialises the package whose PHY 0 sits at MDIO address `base`, for host interface `host`,
/// with `fw`, the contents of the 8051 patch file (`mscc_vsc8584_revb_int8051_fb48.bin`).
///
/// Fails when an MDIO access fails, when the hardware does not complete something in time, when
/// the 8051 fails a command, and when its CRC is not the expected one after the download (the
/// C driver only warns then and runs the PHYs on an 8051 that is not patched). Can be run again
/// after a failure: it starts from the beginning.
pub fn init<M: Mdio>(m: &mut M, base: u8, host: HostInterface, fw: &[u8]) -> Result<Firmware> {
    // The CRC covers the patch and the byte the download adds, which must fit below the end of
    // the 8051's code space.
    let crc_len = u16::try_from(fw.len() + 1)
        .ok()
        .filter(|len| u32::from(gpio::FW_START_ADDR) + u32::from(*len) <= m8051::CODE_SPACE_END)
        .ok_or(Error::refused(
            Errno::Inval,
            "the 8051 firmware does not fit its patch RAM\0",
        ))?;

    let mut w = Window::new(m, base);
    serdes::reset_lcpll(&mut w)?;
    w.finish()?;

    let mut p = Paged::new(m, base);
    tuning::broadcast(&mut p)?;
    let firmware = load_firmware(&mut p, fw, crc_len)?;
    // The MAC interface of the package, which the 8051 sets up on the SerDes.
    let mac_cfg = match host {
        HostInterface::Sgmii => m8051::MAC_CFG_SGMII,
        HostInterface::Qsgmii => m8051::MAC_CFG_QSGMII,
    };
    p.modify(
        page::GPIO,
        gpio::MAC_CFG_FASTLINK,
        m8051::MAC_CFG_MASK,
        mac_cfg,
    )?;
    configure_mac(&mut p, host)?;
    p.delay_us(10_000);
    p.finish()?;

    let mut w = Window::new(m, base);
    serdes::calibrate(&mut w)?;
    w.finish()?;
    // The C driver configures the MAC interface a second time here, before the final SerDes
    // settings.
    let mut p = Paged::new(m, base);
    configure_mac(&mut p, host)?;
    p.finish()?;
    let mut w = Window::new(m, base);
    serdes::configure(&mut w, host)?;
    w.finish()?;

    // The PHYs leave the COMA mode: the pin becomes an output driven low.
    let mut p = Paged::new(m, base);
    p.modify(
        page::GPIO,
        gpio::GPIO_CONTROL_2,
        m8051::COMA_MODE_INPUT | m8051::COMA_MODE_OUTPUT,
        0,
    )?;
    p.finish()?;
    Ok(firmware)
}

/// Checks the 8051's firmware CRC, downloads the patch when it is not the expected one, checks
/// again, and restarts the 8051 with patch vector 0 set to skip the input buffer calibration
/// polling of its SerDes routine (the driver calibrates the SerDes itself).
fn load_firmware<M: Mdio>(p: &mut Paged<'_, M>, fw: &[u8], crc_len: u16) -> Result<Firmware> {
    let crc_found = micro::firmware_crc(p, crc_len)?;
    let downloaded = crc_found != gpio::FW_CRC;
    if downloaded {
        micro::download(p, fw)?;
    }
    micro::release(p, false)?;
    if micro::firmware_crc(p, crc_len)? != gpio::FW_CRC {
        return Err(Error::refused(
            Errno::Io,
            "the 8051 firmware CRC is wrong after the download\0",
        ));
    }

    micro::assert_reset(p)?;
    p.write(
        page::GPIO,
        gpio::trap_rom_addr(1),
        m8051::ROM_TRAP_SERDES_6G_CFG,
    )?;
    p.write(
        page::GPIO,
        gpio::patch_ram_addr(1),
        m8051::RAM_TRAP_SERDES_6G_CFG,
    )?;
    p.modify(
        page::GPIO,
        gpio::INT_MEM_CNTL,
        m8051::PATCH_VEC_ZERO_EN,
        m8051::PATCH_VEC_ZERO_EN,
    )?;
    micro::release(p, true)?;
    Ok(Firmware {
        crc_found,
        downloaded,
    })
}

/// Has the 8051 configure the package's MAC interface for `host`.
fn configure_mac<M: Mdio>(p: &mut Paged<'_, M>, host: HostInterface) -> Result {
    let mac = match host {
        HostInterface::Sgmii => m8051::PROC_CMD_SGMII_MAC,
        HostInterface::Qsgmii => m8051::PROC_CMD_QSGMII_MAC,
    };
    micro::command(
        p,
        m8051::PROC_CMD_MCB_ACCESS_MAC_CONF
            | m8051::PROC_CMD_RST_CONF_PORT
            | m8051::PROC_CMD_READ_MOD_WRITE_PORT
            | mac,
    )
}
