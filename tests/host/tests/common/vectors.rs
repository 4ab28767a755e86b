// SPDX-License-Identifier: GPL-2.0

//! The 32 test vectors of IEEE Std 802.1AE-2018 Annex C (C.1 to C.8, each
//! for GCM-AES-128, GCM-AES-256, GCM-AES-XPN-128 and GCM-AES-XPN-256), plus
//! the one extra confidentiality vector DPDK carries.
//!
//! The octets are those of DPDK's
//! `app/test/test_security_inline_macsec_vectors.h` (`list_mcs_integrity_vectors`
//! and `list_mcs_cipher_vectors`), which the project's Python oracle also
//! checked against OpenSSL (shared/research/oracles.md section 5). The TCI
//! flags, PN and SCI of each vector are spelled out separately from its secure
//! frame so that the engine has to produce the SecTAG, not copy it.

use rsmacsec_host::engine::sectag::Sci;
use rsmacsec_host::engine::transform::{CipherSuite, RxConfig, TxConfig};

use super::hex;

/// SSCI of every XPN vector.
pub const XPN_SSCI: u32 = 0x7a30_c118;
/// Upper 32 bits of the PN of every XPN vector.
pub const XPN_PN_HI: u32 = 0xb0df_459c;
/// Salt of every XPN vector.
pub const XPN_SALT: [u8; 12] = [
    0xe6, 0x30, 0xe8, 0x1a, 0x48, 0xde, 0x86, 0xa2, 0x1c, 0x66, 0xfa, 0x6d,
];

/// The cipher suite of a vector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Suite {
    /// GCM-AES-128.
    Gcm128,
    /// GCM-AES-256.
    Gcm256,
    /// GCM-AES-XPN-128.
    Xpn128,
    /// GCM-AES-XPN-256.
    Xpn256,
}

/// One test vector.
pub struct Vector {
    /// Annex C clause, frame size, protection and suite.
    pub name: &'static str,
    /// The cipher suite.
    pub suite: Suite,
    /// The SAK, in hex.
    pub key: &'static str,
    /// Confidentiality (E=C=1) rather than integrity only.
    pub encrypt: bool,
    /// The AN in the SecTAG.
    pub an: u8,
    /// The SCI is in the SecTAG.
    pub sc: bool,
    /// TCI.ES is set (and the SCI is then the source address and port 1).
    pub es: bool,
    /// The PN in the SecTAG (the lower half of the PN with XPN).
    pub pn: u32,
    /// The SCI of the transmitting SC.
    pub sci: u64,
    /// The plaintext frame, DA to the end of the user data, in hex.
    pub plain: &'static str,
    /// The secure frame, DA to the end of the ICV, in hex.
    pub secure: &'static str,
}

impl Vector {
    /// Whether the vector uses an XPN suite.
    pub fn is_xpn(&self) -> bool {
        matches!(self.suite, Suite::Xpn128 | Suite::Xpn256)
    }

    /// The full packet number.
    pub fn pn64(&self) -> u64 {
        if self.is_xpn() {
            u64::from(XPN_PN_HI) << 32 | u64::from(self.pn)
        } else {
            u64::from(self.pn)
        }
    }

    /// The engine's view of the suite.
    pub fn cipher_suite(&self) -> CipherSuite {
        if self.is_xpn() {
            CipherSuite::Xpn {
                ssci: XPN_SSCI,
                salt: XPN_SALT,
            }
        } else {
            CipherSuite::Gcm
        }
    }

    /// The transmit SA that produced the vector.
    pub fn tx(&self) -> TxConfig {
        TxConfig {
            sci: Sci::from_u64(self.sci),
            suite: self.cipher_suite(),
            an: self.an,
            include_sci: self.sc,
            end_station: self.es,
            scb: false,
            encrypt: self.encrypt,
            conf_offset: 0,
        }
    }

    /// The receive SA that accepts the vector.
    pub fn rx(&self) -> RxConfig {
        RxConfig {
            sci: Sci::from_u64(self.sci),
            suite: self.cipher_suite(),
            conf_offset: 0,
        }
    }

    /// The SAK.
    pub fn key(&self) -> Vec<u8> {
        hex(self.key)
    }

    /// The plaintext frame.
    pub fn plain(&self) -> Vec<u8> {
        hex(self.plain)
    }

    /// The secure frame.
    pub fn secure(&self) -> Vec<u8> {
        hex(self.secure)
    }
}

/// Runs `check` on every Annex C vector and fails with the names of all the
/// vectors it rejected, so that one run shows every broken vector.
pub fn for_all(check: impl Fn(&Vector) -> Result<(), String>) {
    let failures: Vec<String> = ANNEX_C
        .iter()
        .filter_map(|v| check(v).err().map(|e| format!("{}: {e}", v.name)))
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// IEEE 802.1AE-2018 Annex C, C.1 to C.8.
pub const ANNEX_C: &[Vector] = &[
    Vector {
        name: "C.1.1 54-octet integrity, GCM-AES-128",
        suite: Suite::Gcm128,
        key: "AD7A2BD03EAC835A6F620FDCB506B345",
        encrypt: false,
        an: 2,
        sc: true,
        es: false,
        pn: 0xB2C2_8465,
        sci: 0x1215_3524_C089_5E81,
        plain: concat!(
            "D609B1F056637A0D46DF998D08000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F30313233340001",
        ),
        secure: concat!(
            "D609B1F056637A0D46DF998D88E5222AB2C2846512153524C0895E8108000F10",
            "1112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F30",
            "313233340001F09478A9B09007D06F46E9B6A1DA25DD",
        ),
    },
    Vector {
        name: "C.1.2 54-octet integrity, GCM-AES-256",
        suite: Suite::Gcm256,
        key: "E3C08A8F06C6E3AD95A70557B23F75483CE33021A9C72B7025666204C69C0B72",
        encrypt: false,
        an: 2,
        sc: true,
        es: false,
        pn: 0xB2C2_8465,
        sci: 0x1215_3524_C089_5E81,
        plain: concat!(
            "D609B1F056637A0D46DF998D08000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F30313233340001",
        ),
        secure: concat!(
            "D609B1F056637A0D46DF998D88E5222AB2C2846512153524C0895E8108000F10",
            "1112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F30",
            "3132333400012F0BC5AF409E06D609EA8B7D0FA5EA50",
        ),
    },
    Vector {
        name: "C.1.3 54-octet integrity, GCM-AES-XPN-128",
        suite: Suite::Xpn128,
        key: "AD7A2BD03EAC835A6F620FDCB506B345",
        encrypt: false,
        an: 2,
        sc: true,
        es: false,
        pn: 0xB2C2_8465,
        sci: 0x1215_3524_C089_5E81,
        plain: concat!(
            "D609B1F056637A0D46DF998D08000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F30313233340001",
        ),
        secure: concat!(
            "D609B1F056637A0D46DF998D88E5222AB2C2846512153524C0895E8108000F10",
            "1112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F30",
            "31323334000117FE1981EBDD4AFC5062697E8BAA0C23",
        ),
    },
    Vector {
        name: "C.1.4 54-octet integrity, GCM-AES-XPN-256",
        suite: Suite::Xpn256,
        key: "E3C08A8F06C6E3AD95A70557B23F75483CE33021A9C72B7025666204C69C0B72",
        encrypt: false,
        an: 2,
        sc: true,
        es: false,
        pn: 0xB2C2_8465,
        sci: 0x1215_3524_C089_5E81,
        plain: concat!(
            "D609B1F056637A0D46DF998D08000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F30313233340001",
        ),
        secure: concat!(
            "D609B1F056637A0D46DF998D88E5222AB2C2846512153524C0895E8108000F10",
            "1112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F30",
            "3132333400014DBD2F6A754A6CF728CC129BA6931577",
        ),
    },
    Vector {
        name: "C.2.1 60-octet integrity, GCM-AES-128",
        suite: Suite::Gcm128,
        key: "071B113B0CA743FECCCF3D051F737382",
        encrypt: false,
        an: 0,
        sc: false,
        es: true,
        pn: 0x76D4_57ED,
        sci: 0xF076_1E8D_CD3D_0001,
        plain: concat!(
            "E20106D7CD0DF0761E8DCD3D08000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A0003",
        ),
        secure: concat!(
            "E20106D7CD0DF0761E8DCD3D88E5400076D457ED08000F101112131415161718",
            "191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738",
            "393A00030C017BC73B227DFCC9BAFA1C41ACC353",
        ),
    },
    Vector {
        name: "C.2.2 60-octet integrity, GCM-AES-256",
        suite: Suite::Gcm256,
        key: "691D3EE909D7F54167FD1CA0B5D769081F2BDE1AEE655FDBAB80BD5295AE6BE7",
        encrypt: false,
        an: 0,
        sc: false,
        es: true,
        pn: 0x76D4_57ED,
        sci: 0xF076_1E8D_CD3D_0001,
        plain: concat!(
            "E20106D7CD0DF0761E8DCD3D08000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A0003",
        ),
        secure: concat!(
            "E20106D7CD0DF0761E8DCD3D88E5400076D457ED08000F101112131415161718",
            "191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738",
            "393A000335217C774BBC31B63166BCF9D4ABED07",
        ),
    },
    Vector {
        name: "C.2.3 60-octet integrity, GCM-AES-XPN-128",
        suite: Suite::Xpn128,
        key: "071B113B0CA743FECCCF3D051F737382",
        encrypt: false,
        an: 0,
        sc: false,
        es: true,
        pn: 0x76D4_57ED,
        sci: 0xF076_1E8D_CD3D_0001,
        plain: concat!(
            "E20106D7CD0DF0761E8DCD3D08000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A0003",
        ),
        secure: concat!(
            "E20106D7CD0DF0761E8DCD3D88E5400076D457ED08000F101112131415161718",
            "191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738",
            "393A0003ABC40685A3CF911D3787E49DB6A7265E",
        ),
    },
    Vector {
        name: "C.2.4 60-octet integrity, GCM-AES-XPN-256",
        suite: Suite::Xpn256,
        key: "691D3EE909D7F54167FD1CA0B5D769081F2BDE1AEE655FDBAB80BD5295AE6BE7",
        encrypt: false,
        an: 0,
        sc: false,
        es: true,
        pn: 0x76D4_57ED,
        sci: 0xF076_1E8D_CD3D_0001,
        plain: concat!(
            "E20106D7CD0DF0761E8DCD3D08000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A0003",
        ),
        secure: concat!(
            "E20106D7CD0DF0761E8DCD3D88E5400076D457ED08000F101112131415161718",
            "191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738",
            "393A0003AC21957B8312AB3C99AB46849879C3F3",
        ),
    },
    Vector {
        name: "C.3.1 65-octet integrity, GCM-AES-128",
        suite: Suite::Gcm128,
        key: "013FE00B5F11BE7F866D0CBBC55A7A90",
        encrypt: false,
        an: 3,
        sc: true,
        es: false,
        pn: 0x8932_D612,
        sci: 0x7CFD_E9F9_E337_24C6,
        plain: concat!(
            "84C5D513D2AAF6E5BBD2727708000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F00",
            "05",
        ),
        secure: concat!(
            "84C5D513D2AAF6E5BBD2727788E523008932D6127CFDE9F9E33724C608000F10",
            "1112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F30",
            "3132333435363738393A3B3C3D3E3F0005217867E50C2DAD74C28C3B50ABDF69",
            "5A",
        ),
    },
    Vector {
        name: "C.3.2 65-octet integrity, GCM-AES-256",
        suite: Suite::Gcm256,
        key: "83C093B58DE7FFE1C0DA926AC43FB3609AC1C80FEE1B624497EF942E2F79A823",
        encrypt: false,
        an: 3,
        sc: true,
        es: false,
        pn: 0x8932_D612,
        sci: 0x7CFD_E9F9_E337_24C6,
        plain: concat!(
            "84C5D513D2AAF6E5BBD2727708000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F00",
            "05",
        ),
        secure: concat!(
            "84C5D513D2AAF6E5BBD2727788E523008932D6127CFDE9F9E33724C608000F10",
            "1112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F30",
            "3132333435363738393A3B3C3D3E3F00056EE160E8FAECA4B36C86B234920CA9",
            "75",
        ),
    },
    Vector {
        name: "C.3.3 65-octet integrity, GCM-AES-XPN-128",
        suite: Suite::Xpn128,
        key: "013FE00B5F11BE7F866D0CBBC55A7A90",
        encrypt: false,
        an: 3,
        sc: true,
        es: false,
        pn: 0x8932_D612,
        sci: 0x7CFD_E9F9_E337_24C6,
        plain: concat!(
            "84C5D513D2AAF6E5BBD2727708000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F00",
            "05",
        ),
        secure: concat!(
            "84C5D513D2AAF6E5BBD2727788E523008932D6127CFDE9F9E33724C608000F10",
            "1112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F30",
            "3132333435363738393A3B3C3D3E3F0005678559B7E52DB00682E3B83034CEBE",
            "59",
        ),
    },
    Vector {
        name: "C.3.4 65-octet integrity, GCM-AES-XPN-256",
        suite: Suite::Xpn256,
        key: "83C093B58DE7FFE1C0DA926AC43FB3609AC1C80FEE1B624497EF942E2F79A823",
        encrypt: false,
        an: 3,
        sc: true,
        es: false,
        pn: 0x8932_D612,
        sci: 0x7CFD_E9F9_E337_24C6,
        plain: concat!(
            "84C5D513D2AAF6E5BBD2727708000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F00",
            "05",
        ),
        secure: concat!(
            "84C5D513D2AAF6E5BBD2727788E523008932D6127CFDE9F9E33724C608000F10",
            "1112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F30",
            "3132333435363738393A3B3C3D3E3F000584BAC8E53D1EA355A5C7D334840AE9",
            "62",
        ),
    },
    Vector {
        name: "C.4.1 79-octet integrity, GCM-AES-128",
        suite: Suite::Gcm128,
        key: "88EE087FD95DA9FBF6725AA9D757B0CD",
        encrypt: false,
        an: 1,
        sc: false,
        es: true,
        pn: 0x2E58_495C,
        sci: 0x7AE8_E2CA_4EC5_0001,
        plain: concat!(
            "68F2E77696CE7AE8E2CA4EC508000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F40",
            "4142434445464748494A4B4C4D0007",
        ),
        secure: concat!(
            "68F2E77696CE7AE8E2CA4EC588E541002E58495C08000F101112131415161718",
            "191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738",
            "393A3B3C3D3E3F404142434445464748494A4B4C4D000707922B8EBCF10BB229",
            "7588CA4C614523",
        ),
    },
    Vector {
        name: "C.4.2 79-octet integrity, GCM-AES-256",
        suite: Suite::Gcm256,
        key: "4C973DBC7364621674F8B5B89E5C15511FCED9216490FB1C1A2CAA0FFE0407E5",
        encrypt: false,
        an: 1,
        sc: false,
        es: true,
        pn: 0x2E58_495C,
        sci: 0x7AE8_E2CA_4EC5_0001,
        plain: concat!(
            "68F2E77696CE7AE8E2CA4EC508000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F40",
            "4142434445464748494A4B4C4D0007",
        ),
        secure: concat!(
            "68F2E77696CE7AE8E2CA4EC588E541002E58495C08000F101112131415161718",
            "191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738",
            "393A3B3C3D3E3F404142434445464748494A4B4C4D000700BDA1B7E87608BCBF",
            "470F12157F4C07",
        ),
    },
    Vector {
        name: "C.4.3 79-octet integrity, GCM-AES-XPN-128",
        suite: Suite::Xpn128,
        key: "88EE087FD95DA9FBF6725AA9D757B0CD",
        encrypt: false,
        an: 1,
        sc: false,
        es: true,
        pn: 0x2E58_495C,
        sci: 0x7AE8_E2CA_4EC5_0001,
        plain: concat!(
            "68F2E77696CE7AE8E2CA4EC508000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F40",
            "4142434445464748494A4B4C4D0007",
        ),
        secure: concat!(
            "68F2E77696CE7AE8E2CA4EC588E541002E58495C08000F101112131415161718",
            "191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738",
            "393A3B3C3D3E3F404142434445464748494A4B4C4D0007D0DC896DC83798A79F",
            "3C5A95BA3CDF9A",
        ),
    },
    Vector {
        name: "C.4.4 79-octet integrity, GCM-AES-XPN-256",
        suite: Suite::Xpn256,
        key: "4C973DBC7364621674F8B5B89E5C15511FCED9216490FB1C1A2CAA0FFE0407E5",
        encrypt: false,
        an: 1,
        sc: false,
        es: true,
        pn: 0x2E58_495C,
        sci: 0x7AE8_E2CA_4EC5_0001,
        plain: concat!(
            "68F2E77696CE7AE8E2CA4EC508000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F40",
            "4142434445464748494A4B4C4D0007",
        ),
        secure: concat!(
            "68F2E77696CE7AE8E2CA4EC588E541002E58495C08000F101112131415161718",
            "191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738",
            "393A3B3C3D3E3F404142434445464748494A4B4C4D000704249A208A65B96B3F",
            "3263004CFD867D",
        ),
    },
    Vector {
        name: "C.5.1 54-octet confidentiality, GCM-AES-128",
        suite: Suite::Gcm128,
        key: "071B113B0CA743FECCCF3D051F737382",
        encrypt: true,
        an: 0,
        sc: false,
        es: true,
        pn: 0x76D4_57ED,
        sci: 0xF076_1E8D_CD3D_0001,
        plain: concat!(
            "E20106D7CD0DF0761E8DCD3D08000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F30313233340004",
        ),
        secure: concat!(
            "E20106D7CD0DF0761E8DCD3D88E54C2A76D457ED13B4C72B389DC5018E72A171",
            "DD85A5D3752274D3A019FBCAED09A425CD9B2E1C9B72EEE7C9DE7D52B3F3D6A5",
            "284F4A6D3FE22A5D6C2B960494C3",
        ),
    },
    Vector {
        name: "C.5.2 54-octet confidentiality, GCM-AES-256",
        suite: Suite::Gcm256,
        key: "691D3EE909D7F54167FD1CA0B5D769081F2BDE1AEE655FDBAB80BD5295AE6BE7",
        encrypt: true,
        an: 0,
        sc: false,
        es: true,
        pn: 0x76D4_57ED,
        sci: 0xF076_1E8D_CD3D_0001,
        plain: concat!(
            "E20106D7CD0DF0761E8DCD3D08000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F30313233340004",
        ),
        secure: concat!(
            "E20106D7CD0DF0761E8DCD3D88E54C2A76D457EDC1623F55730C93533097ADDA",
            "D25664966125352B43ADACBD61C5EF3AC90B5BEE929CE4630EA79F6CE51912AF",
            "39C2D1FDC2051F8B7B3C9D397EF2",
        ),
    },
    Vector {
        name: "C.5.3 54-octet confidentiality, GCM-AES-XPN-128",
        suite: Suite::Xpn128,
        key: "071B113B0CA743FECCCF3D051F737382",
        encrypt: true,
        an: 0,
        sc: false,
        es: true,
        pn: 0x76D4_57ED,
        sci: 0xF076_1E8D_CD3D_0001,
        plain: concat!(
            "E20106D7CD0DF0761E8DCD3D08000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F30313233340004",
        ),
        secure: concat!(
            "E20106D7CD0DF0761E8DCD3D88E54C2A76D457ED9CA46984430203ED416EBDC2",
            "FE2622BA3E5EAB6961C36383009E187E9B0C88564653B9ABD216441C6AB6F0A2",
            "32E9E44C978CF7CD84D43484D101",
        ),
    },
    Vector {
        name: "C.5.4 54-octet confidentiality, GCM-AES-XPN-256",
        suite: Suite::Xpn256,
        key: "691D3EE909D7F54167FD1CA0B5D769081F2BDE1AEE655FDBAB80BD5295AE6BE7",
        encrypt: true,
        an: 0,
        sc: false,
        es: true,
        pn: 0x76D4_57ED,
        sci: 0xF076_1E8D_CD3D_0001,
        plain: concat!(
            "E20106D7CD0DF0761E8DCD3D08000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F30313233340004",
        ),
        secure: concat!(
            "E20106D7CD0DF0761E8DCD3D88E54C2A76D457ED88D9F7D1F1578EE34BA7B1AB",
            "C89893EF1D3398C9F1DD3E47FBD8553E0FF786EF5699EB01EA10420D0EBD39A0",
            "E273C4C7F95ED843207D7A497DFA",
        ),
    },
    Vector {
        name: "C.6.1 60-octet confidentiality, GCM-AES-128",
        suite: Suite::Gcm128,
        key: "AD7A2BD03EAC835A6F620FDCB506B345",
        encrypt: true,
        an: 2,
        sc: true,
        es: false,
        pn: 0xB2C2_8465,
        sci: 0x1215_3524_C089_5E81,
        plain: concat!(
            "D609B1F056637A0D46DF998D08000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A0002",
        ),
        secure: concat!(
            "D609B1F056637A0D46DF998D88E52E00B2C2846512153524C0895E81701AFA1C",
            "C039C0D765128A665DAB69243899BF7318CCDC81C9931DA17FBE8EDD7D17CB8B",
            "4C26FC81E3284F2B7FBA713D4F8D55E7D3F06FD5A13C0C29B9D5B880",
        ),
    },
    Vector {
        name: "C.6.2 60-octet confidentiality, GCM-AES-256",
        suite: Suite::Gcm256,
        key: "E3C08A8F06C6E3AD95A70557B23F75483CE33021A9C72B7025666204C69C0B72",
        encrypt: true,
        an: 2,
        sc: true,
        es: false,
        pn: 0xB2C2_8465,
        sci: 0x1215_3524_C089_5E81,
        plain: concat!(
            "D609B1F056637A0D46DF998D08000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A0002",
        ),
        secure: concat!(
            "D609B1F056637A0D46DF998D88E52E00B2C2846512153524C0895E81E2006EB4",
            "2F5277022D9B19925BC419D7A592666C925FE2EF718EB4E308EFEAA7C5273B39",
            "4118860A5BE2A97F56AB78365CA597CDBB3EDB8D1A1151EA0AF7B436",
        ),
    },
    Vector {
        name: "C.6.3 60-octet confidentiality, GCM-AES-XPN-128",
        suite: Suite::Xpn128,
        key: "AD7A2BD03EAC835A6F620FDCB506B345",
        encrypt: true,
        an: 2,
        sc: true,
        es: false,
        pn: 0xB2C2_8465,
        sci: 0x1215_3524_C089_5E81,
        plain: concat!(
            "D609B1F056637A0D46DF998D08000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A0002",
        ),
        secure: concat!(
            "D609B1F056637A0D46DF998D88E52E00B2C2846512153524C0895E810712D980",
            "CA50BBED35A0FA566338729FFA16D19FFCF07B3A1E7919B3776AACEC8A593720",
            "8B483A7691984D380792E07FC2C3C79F263FA6BFF8E7581E2CE45AF8",
        ),
    },
    Vector {
        name: "C.6.4 60-octet confidentiality, GCM-AES-XPN-256",
        suite: Suite::Xpn256,
        key: "E3C08A8F06C6E3AD95A70557B23F75483CE33021A9C72B7025666204C69C0B72",
        encrypt: true,
        an: 2,
        sc: true,
        es: false,
        pn: 0xB2C2_8465,
        sci: 0x1215_3524_C089_5E81,
        plain: concat!(
            "D609B1F056637A0D46DF998D08000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A0002",
        ),
        secure: concat!(
            "D609B1F056637A0D46DF998D88E52E00B2C2846512153524C0895E813EB04A4B",
            "BF54C6EB1222A9AEA00C38687F6C3520D976A3B694800650CE6585E620A41919",
            "17D2A605D870C78D2752CE493B442AC0C816D7ABD70AD65C25D46413",
        ),
    },
    Vector {
        name: "C.7.1 61-octet confidentiality, GCM-AES-128",
        suite: Suite::Gcm128,
        key: "013FE00B5F11BE7F866D0CBBC55A7A90",
        encrypt: true,
        an: 3,
        sc: true,
        es: false,
        pn: 0x8932_D612,
        sci: 0x7CFD_E9F9_E337_24C6,
        plain: concat!(
            "84C5D513D2AAF6E5BBD2727708000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A3B0006",
        ),
        secure: concat!(
            "84C5D513D2AAF6E5BBD2727788E52F008932D6127CFDE9F9E33724C63A4DE6FA",
            "32191014DBB303D92EE3A9E8A1B599C14D22FB080096E13811816A3C9C9BCF7C",
            "1B9B96DA809204E29D0E2A7642BFD310A4837C816CCFA5AC23AB003988",
        ),
    },
    Vector {
        name: "C.7.2 61-octet confidentiality, GCM-AES-256",
        suite: Suite::Gcm256,
        key: "83C093B58DE7FFE1C0DA926AC43FB3609AC1C80FEE1B624497EF942E2F79A823",
        encrypt: true,
        an: 3,
        sc: true,
        es: false,
        pn: 0x8932_D612,
        sci: 0x7CFD_E9F9_E337_24C6,
        plain: concat!(
            "84C5D513D2AAF6E5BBD2727708000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A3B0006",
        ),
        secure: concat!(
            "84C5D513D2AAF6E5BBD2727788E52F008932D6127CFDE9F9E33724C6110222FF",
            "8050CBECE66A813AD09A73ED7A9A089C106B959389168ED6E8698EA902EB1277",
            "DBEC2E68E473155A15A7DAEED4A10F4E05139C23DF00B3AADC71F0596A",
        ),
    },
    Vector {
        name: "C.7.3 61-octet confidentiality, GCM-AES-XPN-128",
        suite: Suite::Xpn128,
        key: "013FE00B5F11BE7F866D0CBBC55A7A90",
        encrypt: true,
        an: 3,
        sc: true,
        es: false,
        pn: 0x8932_D612,
        sci: 0x7CFD_E9F9_E337_24C6,
        plain: concat!(
            "84C5D513D2AAF6E5BBD2727708000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A3B0006",
        ),
        secure: concat!(
            "84C5D513D2AAF6E5BBD2727788E52F008932D6127CFDE9F9E33724C614C17693",
            "BC8297EE6C47C565CBE0679E80F00FCAF592C9AA0473928E7F2F216FF5A033DE",
            "C7513F45D34CBB981C5BD64E8BD84B8E2A78E74DAFEAA03846FE930C0E",
        ),
    },
    Vector {
        name: "C.7.4 61-octet confidentiality, GCM-AES-XPN-256",
        suite: Suite::Xpn256,
        key: "83C093B58DE7FFE1C0DA926AC43FB3609AC1C80FEE1B624497EF942E2F79A823",
        encrypt: true,
        an: 3,
        sc: true,
        es: false,
        pn: 0x8932_D612,
        sci: 0x7CFD_E9F9_E337_24C6,
        plain: concat!(
            "84C5D513D2AAF6E5BBD2727708000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A3B0006",
        ),
        secure: concat!(
            "84C5D513D2AAF6E5BBD2727788E52F008932D6127CFDE9F9E33724C60996E0C9",
            "A55774E0A792304E7DC150BD67FD747DD1B9419594BF373D4ACE8F87F5C1349A",
            "FAC491AA0A40D3199087B29FDF802F050E691F11A2D9B358F6994184F5",
        ),
    },
    Vector {
        name: "C.8.1 75-octet confidentiality, GCM-AES-128",
        suite: Suite::Gcm128,
        key: "88EE087FD95DA9FBF6725AA9D757B0CD",
        encrypt: true,
        an: 1,
        sc: false,
        es: true,
        pn: 0x2E58_495C,
        sci: 0x7AE8_E2CA_4EC5_0001,
        plain: concat!(
            "68F2E77696CE7AE8E2CA4EC508000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F40",
            "4142434445464748490008",
        ),
        secure: concat!(
            "68F2E77696CE7AE8E2CA4EC588E54D002E58495CC31F53D99E5687F7365119B8",
            "32D2AAE70741D593F1F9E2AB3455779B078EB8FEACDFEC1F8E3E5277F8180B43",
            "361F6512ADB16D2E38548A2C719DBA7228D84088F8757ADB8AA788D8F65AD668",
            "BE70E7",
        ),
    },
    Vector {
        name: "C.8.2 75-octet confidentiality, GCM-AES-256",
        suite: Suite::Gcm256,
        key: "4C973DBC7364621674F8B5B89E5C15511FCED9216490FB1C1A2CAA0FFE0407E5",
        encrypt: true,
        an: 1,
        sc: false,
        es: true,
        pn: 0x2E58_495C,
        sci: 0x7AE8_E2CA_4EC5_0001,
        plain: concat!(
            "68F2E77696CE7AE8E2CA4EC508000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F40",
            "4142434445464748490008",
        ),
        secure: concat!(
            "68F2E77696CE7AE8E2CA4EC588E54D002E58495CBA8AE31BC506486D6873E4FC",
            "E460E7DC57591FF00611F31C3834FE1C04AD80B66803AFCF5B27E6333FA67C99",
            "DA47C2F0CED68D531BD741A943CFF7A6713BD02611CD7DAA01D61C5C886DC1A8",
            "170107",
        ),
    },
    Vector {
        name: "C.8.3 75-octet confidentiality, GCM-AES-XPN-128",
        suite: Suite::Xpn128,
        key: "88EE087FD95DA9FBF6725AA9D757B0CD",
        encrypt: true,
        an: 1,
        sc: false,
        es: true,
        pn: 0x2E58_495C,
        sci: 0x7AE8_E2CA_4EC5_0001,
        plain: concat!(
            "68F2E77696CE7AE8E2CA4EC508000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F40",
            "4142434445464748490008",
        ),
        secure: concat!(
            "68F2E77696CE7AE8E2CA4EC588E54D002E58495CEAECC6AF6512FC8B6C8C43BC",
            "55B190B2626D07D3D218FAF5DAA7D8F800A57331EB43B5A17A37E5B1D60D275C",
            "CAF7ACD704CC9ACE2BF8BC8B9B23B9ADF02F87346B96D1136A754DF0A6CDE126",
            "C107F8",
        ),
    },
    Vector {
        name: "C.8.4 75-octet confidentiality, GCM-AES-XPN-256",
        suite: Suite::Xpn256,
        key: "4C973DBC7364621674F8B5B89E5C15511FCED9216490FB1C1A2CAA0FFE0407E5",
        encrypt: true,
        an: 1,
        sc: false,
        es: true,
        pn: 0x2E58_495C,
        sci: 0x7AE8_E2CA_4EC5_0001,
        plain: concat!(
            "68F2E77696CE7AE8E2CA4EC508000F101112131415161718191A1B1C1D1E1F20",
            "2122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F40",
            "4142434445464748490008",
        ),
        secure: concat!(
            "68F2E77696CE7AE8E2CA4EC588E54D002E58495CB0FEA36318B9B36466C46E9E",
            "1BDA1A266858196E7E70D882AE70475668CDE4EC883F6AC2369F284BED1FE32F",
            "42092FDFF5868A3C64E5615192A7A3760B34BC85692CD815B664711AEF911DF7",
            "8D7F46",
        ),
    },
];

/// DPDK's `gcm_128_64B_cipher`: not from Annex C, but from the same source,
/// with a small PN (2) and an SCI with a port other than 1.
pub const DPDK_64B: Vector = Vector {
    name: "DPDK 64-octet confidentiality, GCM-AES-128",
    suite: Suite::Gcm128,
    key: "071B113B0CA743FECCCF3D051F737382",
    encrypt: true,
    an: 0,
    sc: true,
    es: false,
    pn: 0x0000_0002,
    sci: 0xFE2F_CD14_241B_882C,
    plain: concat!(
        "E20106D7CD0DF0761E8DCD3D08000F101112131415161718191A1B1C1D1E1F20",
        "2122232425262728292A2B2C2D2E2F3031323334353637383940414243444546",
    ),
    secure: concat!(
        "E20106D7CD0DF0761E8DCD3D88E52C0000000002FE2FCD14241B882C39389744",
        "A26D713D1427C73E029681AD47822ACF197912490F935A324379EF9D70F8A9BE",
        "3D005D22DA873DC1BE1B13D999DBF1C84BC4F8C60978B9BB5DC004F3207D1487",
    ),
};
