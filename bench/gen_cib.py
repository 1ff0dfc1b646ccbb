#!/usr/bin/env python3
"""Pacemaker peer of bench-gen-state: a CIB with N ocf:heartbeat:Dummy primitives in groups of
5 on K nodes, one location preference per group (round-robin, like the scsim states' preferred
nodes), and, with --settled, a status section in which every group already runs on its node.

usage: gen_cib.py N K OUT [--settled]

The settled status is made by letting crm_simulate settle a two-group CIB (one group per
preferred node) and copying its per-resource operation history to every resource, so the
operation digests are the ones Pacemaker computes and a steady-state plan schedules nothing.
"""
import re
import subprocess
import sys
import tempfile

GROUP = 5


def cib(n, k, status_nodes):
    groups = (n + GROUP - 1) // GROUP
    out = [
        '<cib crm_feature_set="3.16.1" validate-with="pacemaker-3.9" epoch="1" num_updates="0"'
        ' admin_epoch="0" have-quorum="1">',
        "  <configuration>",
        '    <crm_config><cluster_property_set id="bootstrap">'
        '<nvpair id="bootstrap-stonith" name="stonith-enabled" value="false"/>'
        "</cluster_property_set></crm_config>",
        "    <nodes>",
    ]
    out += [f'      <node id="{i}" uname="node-{i}"/>' for i in range(1, k + 1)]
    out += ["    </nodes>", "    <resources>"]
    for g in range(1, groups + 1):
        out.append(f'      <group id="rg-{g}">')
        for r in range((g - 1) * GROUP + 1, min(g * GROUP, n) + 1):
            out.append(
                f'        <primitive id="rs-{r}" class="ocf" provider="heartbeat" type="Dummy">'
                f'<operations><op id="rs-{r}-monitor-10s" name="monitor" interval="10s"'
                f' timeout="20s"/></operations></primitive>'
            )
        out.append("      </group>")
    out += ["    </resources>", "    <constraints>"]
    out += [
        f'      <rsc_location id="loc-rg-{g}" rsc="rg-{g}" node="node-{(g - 1) % k + 1}" score="100"/>'
        for g in range(1, groups + 1)
    ]
    out += ["    </constraints>", "  </configuration>", "  <status>"]
    out += status_nodes
    out += ["  </status>", "</cib>"]
    return "\n".join(out) + "\n"


def empty_status(k):
    return [
        f'    <node_state id="{i}" uname="node-{i}" in_ccm="true" crmd="online" join="member"'
        ' expected="member"/>'
        for i in range(1, k + 1)
    ]


def templates(k):
    """(running block, probed-only block) of one resource on node-1, from a settled CIB."""
    with tempfile.TemporaryDirectory() as d:
        src, dst = f"{d}/in.xml", f"{d}/out.xml"
        # Ten resources: rg-1 prefers node-1, rg-2 prefers node-2 (k >= 2).
        open(src, "w").write(cib(10, k, empty_status(k)))
        subprocess.run(["crm_simulate", "-x", src, "-S", "-O", dst, "-Q"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        text = open(dst).read()
    node1 = text.split('<node_state id="1"', 1)[1].split("</node_state>", 1)[0]
    blocks = dict((rid, blk) for blk, rid in
                  re.findall(r'(<lrm_resource id="(rs-\d+)".*?</lrm_resource>)', node1, re.S))
    return blocks["rs-1"], blocks["rs-6"]


def settled_status(n, k):
    running, probed = templates(k)
    run_re = re.compile(r'rs-1(?=["_])')
    probe_re = re.compile(r'rs-6(?=["_])')
    lines = []
    for i in range(1, k + 1):
        lines.append(f'    <node_state id="{i}" uname="node-{i}" in_ccm="true" crmd="online"'
                     f' join="member" expected="member"><lrm id="{i}"><lrm_resources>')
        for r in range(1, n + 1):
            owner = ((r - 1) // GROUP) % k + 1
            if owner == i:
                lines.append(run_re.sub(f"rs-{r}", running))
            else:
                lines.append(probe_re.sub(f"rs-{r}", probed))
        lines.append("    </lrm_resources></lrm></node_state>")
    return lines


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    n, k, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    status = settled_status(n, k) if "--settled" in sys.argv[4:] and n > 0 else empty_status(k)
    open(out, "w").write(cib(n, k, status))


if __name__ == "__main__":
    main()
