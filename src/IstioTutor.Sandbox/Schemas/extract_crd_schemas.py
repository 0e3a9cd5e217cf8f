#!/usr/bin/env python3
"""Builds crd-schemas.json (an embedded resource of the sandbox) from upstream CRD manifests.

Usage: extract_crd_schemas.py ISTIO_CRD_ALL_GEN_YAML GATEWAY_API_CRDS_YAML > crd-schemas.json

Keeps, for every CRD of the Istio and Gateway API groups, each served version's openAPIV3Schema and
additionalPrinterColumns. A version whose schema equals the first version's stores none ("sameAs").
"""
import json
import sys

import yaml

GROUPS = {"networking.istio.io", "security.istio.io", "telemetry.istio.io", "extensions.istio.io",
          "gateway.networking.k8s.io"}


def crds(path):
    with open(path, encoding="utf-8") as f:
        for doc in yaml.safe_load_all(f):
            if doc and doc.get("kind") == "CustomResourceDefinition" and doc["spec"]["group"] in GROUPS:
                yield doc


def main():
    out = []
    for path in sys.argv[1:]:
        for doc in crds(path):
            spec = doc["spec"]
            versions = []
            first = None
            for v in spec["versions"]:
                if not v.get("served", True):
                    continue
                schema = v["schema"]["openAPIV3Schema"]
                entry = {"name": v["name"], "columns": [
                    {k: c[k] for k in ("name", "type", "jsonPath", "description", "priority", "format") if k in c}
                    for c in v.get("additionalPrinterColumns", [])]}
                if first is not None and schema == first[1]:
                    entry["sameAs"] = first[0]
                else:
                    entry["schema"] = schema
                    if first is None:
                        first = (v["name"], schema)
                versions.append(entry)
            out.append({"group": spec["group"], "kind": spec["names"]["kind"], "plural": spec["names"]["plural"],
                        "scope": spec["scope"], "versions": versions})
    json.dump({"crds": out}, sys.stdout, separators=(",", ":"), sort_keys=False)


if __name__ == "__main__":
    main()
