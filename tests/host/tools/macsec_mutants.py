#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Breaks the driver's MACsec logic on purpose, one mutation at a time, and
reports which host tests fail: each mutation must fail at least one. Every
file is restored after its mutation.

    python3 tests/host/tools/macsec_mutants.py [M1 M2 ...]
"""
import os
import subprocess
import sys

root = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
L=root+'/drivers/net/phy/vsc8584/logic/macsec/'
muts=[
 ("M1 egress record seq = next_pn (not next_pn-1)", L+'render.rs', "seq: sa.pn.wrapping_sub(1),", "seq: sa.pn,"),
 ("M2 TX entry enabled although the SA is not active", L+'render.rs', "c.encoding_sa == sa.an && sa.active;", "c.encoding_sa == sa.an;"),
 ("M3 no rollback after a failed access", L+'offload.rs', "let undone = self.rollback(bus);", "let undone: Result = Ok(());"),
 ("M4 no learning of unknown words before writing", L+'shadow.rs', "if !self.learn || word.marked(self.touched) {", "if true || word.marked(self.touched) {"),
 ("M5 no SCI-less entries with several channels", L+'state.rs', "!self.point_to_point() && sc.sci[6] == 0 && sc.sci[7] == 1", "false && sc.sci[6] == 0"),
 ("M6 point to point still compares the SCI", L+'render.rs', "} else if !state.point_to_point() {", "} else {"),
 ("M7 strict ingress guard passes plain frames", L+'render.rs', "let kind = if strict {", "let kind = if false {"),
 ("M8 a counter read twice per call", L+'counters.rs', "        b + out_sa::PKTS_TOO_LONG,\n        &mut acc.too_long,\n    )\n}", "        b + out_sa::PKTS_TOO_LONG,\n        &mut acc.too_long,\n    )?;\n    acc40(bus, Dir::Egress, b + out_sa::PKTS_ENCRYPTED_PROTECTED, &mut acc.pkts)\n}"),
 ("M9 ICV length not checked", L+'validate.rs', "if cfg.icv_len != 16 {", "if cfg.icv_len != 16 && false {"),
 ("M10 records rewritten with their entry enabled", L+'shadow.rs', "let toggle = rewrite == 0 && en_known == u16::MAX;", "let toggle = en_known == u16::MAX;"),
 ("M11 no control packet rules (EAPOL bypass)", L+'render.rs', "set(G_CP_ENABLE, rules << cp::ENABLE_ETYPE_SHIFT);", "set(G_CP_ENABLE, 0);"),
 ("M12 no fence on an address change", L+'shadow.rs', "let fence = rewrite & t.guarded & maybe_on != 0;", "let fence = false;"),
 ("M13 SCI not added for several channels", L+'render.rs', "if state.include_sci(s) {", "if c.send_sci {"),
 ("M14 a transmit PN lost in a reset is not held", L+'offload.rs', "t.pn_lost = true;", "t.pn_lost = false;"),
 ("M15 encoding SA switch without TOGGLE1 (SET1 then CLEAR1)", L+'shadow.rs', "let toggle = rewrite == 0 && en_known == u16::MAX;", "let toggle = false;"),
 ("M16 PN raise written without ENABLE_UPDATE", L+'offload.rs', "bus.write32(b, ms::NEXT_PN_CTRL, ctrl | ms::NEXT_PN_CTRL_ENABLE_UPDATE)?;", "bus.write32(b, ms::NEXT_PN_CTRL, ctrl)?;"),
 ("M17 control word not XPN for XPN records", root+'/drivers/net/phy/vsc8584/hw/eip160.rs', "let seq = if xpn { SEQ_64 } else { SEQ_32 };", "let seq = if xpn { SEQ_32 } else { SEQ_32 };"),
 ("M18 guard egress passes when protecting", L+'render.rs', "let ctrl = if c.protect {\n                flow::TYPE_DROP", "let ctrl = if false {\n                flow::TYPE_DROP"),
]
sel = sys.argv[1:] 
for name,f,a,b in muts:
    if sel and name.split()[0] not in sel: continue
    s=open(f).read()
    assert s.count(a)>=1, (name, a)
    open(f,'w').write(s.replace(a,b,1))
    try:
        p=subprocess.run(['cargo','test','--test','macsec_traffic','--test','macsec_refusals','--test','macsec_faults','--test','macsec_property','--test','macsec_costs','--no-fail-fast'],cwd=root+'/tests/host',capture_output=True,text=True,env=dict(os.environ,RUSTC='/usr/bin/rustc'))
        out=p.stdout+p.stderr
        failed=[l.split()[1] for l in out.splitlines() if l.startswith('test ') and l.rstrip().endswith('FAILED')]
        comp='error[' in out or 'error:' in out and 'could not compile' in out
        verdict = 'COMPILE ERROR' if comp and not failed else ('caught' if failed else 'NOT CAUGHT')
        print(f"{name}: {verdict}, {len(failed)} failed: {', '.join(failed)}", flush=True)
    finally:
        open(f,'w').write(s)
