"""A private moto_server for the AWS backend generators, and the storing of a case's items in it.

Importing this module first sets dummy AWS credentials and region (and drops every profile, role
or endpoint setting of the caller), so boto3 and the amazon provider never reach a real account.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

REGION = "us-east-1"
for _var in (
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_SESSION_TOKEN",
    "AWS_ROLE_ARN",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_CONFIG_FILE",
    "AWS_SHARED_CREDENTIALS_FILE",
    "AWS_ENDPOINT_URL",
):
    os.environ.pop(_var, None)
os.environ.update(
    {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": REGION,
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    }
)

import boto3  # noqa: E402

SM = "secretsmanager"
SSM = "ssm"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Moto:
    """``moto_server`` from the generator's venv on a free 127.0.0.1 port; ``stop()`` always."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        exe = Path(sys.executable).with_name("moto_server")
        self.proc = subprocess.Popen(
            [str(exe), "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while True:
            if self.proc.poll() is not None:
                raise SystemExit(f"moto_server exited with {self.proc.returncode}")
            try:
                urllib.request.urlopen(self.url + "/moto-api/", timeout=1).read()
                return
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise SystemExit("moto_server did not answer within 60 s") from None
                time.sleep(0.2)

    def reset(self) -> None:
        req = urllib.request.Request(self.url + "/moto-api/reset", method="POST", data=b"")
        urllib.request.urlopen(req, timeout=10).read()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def stored(name: str, value: str, kind: str = "SecretString", **more: Any) -> dict[str, Any]:
    """One item a case stores: ``kind`` is SecretString/SecretBinary (SM) or String/SecureString/StringList (SSM)."""
    return {"name": name, "kind": kind, "value": value, **more}


def seed(moto: Moto, backend: str, items: list[dict[str, Any]]) -> None:
    """Stores a case's items: ``update`` puts a new value, ``deleted`` schedules the secret's deletion."""
    if backend == SM:
        client = boto3.client("secretsmanager", endpoint_url=moto.url, region_name=REGION)
        for item in items:
            if item.get("update"):
                client.put_secret_value(SecretId=item["name"], SecretString=item["value"])
                continue
            if item["kind"] == "SecretBinary":
                client.create_secret(Name=item["name"], SecretBinary=item["value"].encode("utf-8"))
            else:
                client.create_secret(Name=item["name"], SecretString=item["value"])
            if item.get("deleted"):
                client.delete_secret(SecretId=item["name"], RecoveryWindowInDays=7)
    else:
        client = boto3.client("ssm", endpoint_url=moto.url, region_name=REGION)
        for item in items:
            client.put_parameter(
                Name=item["name"], Value=item["value"], Type=item["kind"], Overwrite=bool(item.get("update"))
            )
