#!/usr/bin/env python3
"""Turns rendered Kubernetes manifests into what `podman kube play` (podman 4.3, Debian 12) runs.

Podman plays Deployments, PersistentVolumeClaims, ConfigMaps and Secrets; for the rest a cluster
provides, this stands in, changing nothing about the workloads themselves:
- Services: podman has none. Every pod gets a fixed address (`podman kube play --ip`, in the order
  of the Deployments) and every pod a hosts entry per Service naming the address of the pod that
  Service selects, which is what the cluster's DNS would answer.
- Ports: podman publishes every containerPort on the host, on the same number; each is given the
  hostPort OFFSET + containerPort instead, so nothing on the machine is in the way.
- Secrets: podman 4.3 reads a Secret for environment variables (env secretKeyRef, envFrom) only in
  its own format, a JSON object of base64 values (containers/podman#16269), and writes a secret
  volume's files still base64-encoded. A Secret used by environment variables is therefore written
  out to be created with `podman secret create`; one mounted as a volume is played as a ConfigMap of
  the same name and content, mounted as such, which podman writes out decoded.
Services, NetworkPolicies and PodDisruptionBudgets are left out of the played objects; podman has no
counterpart for them.

Usage: podman-kube.py RENDERED.yaml SECRETS.yaml SUBNET_PREFIX OFFSET OUT_DIR
writes OUT_DIR/play.yaml, OUT_DIR/ips (one address per line, for --ip), OUT_DIR/ports
("service port hostPort" per line), OUT_DIR/volumes (the volumes podman will make, to remove them
after `podman kube down`, which leaves them) and OUT_DIR/secrets/NAME.json for each Secret to create
first.
"""
import base64
import json
import os
import sys

import yaml


def pod_spec(deployment):
    return deployment["spec"]["template"]["spec"]


def selects(service, deployment):
    labels = deployment["spec"]["template"]["metadata"].get("labels", {})
    return all(labels.get(k) == v for k, v in service["spec"].get("selector", {}).items())


def secrets_used_by_env(spec):
    names = set()
    for container in spec.get("containers", []) + spec.get("initContainers", []):
        for env in container.get("env", []):
            ref = env.get("valueFrom", {}).get("secretKeyRef")
            if ref:
                names.add(ref["name"])
        for source in container.get("envFrom", []):
            if "secretRef" in source:
                names.add(source["secretRef"]["name"])
    return names


def container_port(deployment, target):
    for container in pod_spec(deployment)["containers"]:
        for port in container.get("ports", []):
            if target in (port.get("name"), port["containerPort"]):
                return port["containerPort"]
    sys.exit(f"podman-kube: {deployment['metadata']['name']} has no container port {target}")


def main(rendered, secrets, prefix, offset, out):
    objects = [o for path in (secrets, rendered) for o in yaml.safe_load_all(open(path)) if o]
    deployments = [o for o in objects if o["kind"] == "Deployment"]
    services = [o for o in objects if o["kind"] == "Service"]
    address = {d["metadata"]["name"]: f"{prefix}.{10 + i}" for i, d in enumerate(deployments)}

    aliases = {}
    ports = []
    for service in services:
        targets = [d for d in deployments if selects(service, d)]
        if len(targets) != 1:
            sys.exit(f"podman-kube: Service {service['metadata']['name']} selects {len(targets)} "
                     "Deployments; podman's stand-in needs exactly one")
        ip = address[targets[0]["metadata"]["name"]]
        aliases.setdefault(ip, []).append(service["metadata"]["name"])
        for port in service["spec"]["ports"]:
            target = container_port(targets[0], port.get("targetPort", port["port"]))
            ports.append(f"{service['metadata']['name']} {port['port']} {offset + target}")
    host_aliases = [{"ip": ip, "hostnames": sorted(names)} for ip, names in sorted(aliases.items())]

    env_secrets = set().union(*(secrets_used_by_env(pod_spec(d)) for d in deployments))
    for deployment in deployments:
        spec = pod_spec(deployment)
        spec["hostAliases"] = spec.get("hostAliases", []) + host_aliases
        for container in spec.get("containers", []):
            for port in container.get("ports", []):
                port["hostPort"] = offset + port["containerPort"]
        for volume in spec.get("volumes", []):
            if "secret" in volume:
                secret = volume.pop("secret")
                if secret["secretName"] in env_secrets:
                    sys.exit(f"podman-kube: Secret {secret['secretName']} is used both by environment "
                             "variables and by a volume, which podman 4.3 cannot read alike")
                volume["configMap"] = {"name": secret.pop("secretName"), **secret}

    os.makedirs(os.path.join(out, "secrets"), exist_ok=True)
    played = []
    for o in objects:
        if o["kind"] == "Secret" and o["metadata"]["name"] in env_secrets:
            with open(os.path.join(out, "secrets", o["metadata"]["name"] + ".json"), "w") as f:
                json.dump(o.get("data", {}), f)
        elif o["kind"] == "Secret":
            data = {k: base64.b64decode(v).decode() for k, v in o.get("data", {}).items()}
            played.append({"apiVersion": "v1", "kind": "ConfigMap",
                           "metadata": {"name": o["metadata"]["name"]}, "data": data})
        elif o["kind"] in ("ConfigMap", "PersistentVolumeClaim", "Deployment"):
            played.append(o)
    with open(os.path.join(out, "play.yaml"), "w") as f:
        yaml.safe_dump_all(played, f, sort_keys=False)
    with open(os.path.join(out, "ips"), "w") as f:
        f.writelines(address[d["metadata"]["name"]] + "\n" for d in deployments)
    with open(os.path.join(out, "ports"), "w") as f:
        f.writelines(line + "\n" for line in ports)
    with open(os.path.join(out, "volumes"), "w") as f:
        f.writelines(o["metadata"]["name"] + "\n" for o in played if o["kind"] != "Deployment")


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
