"""A real S3-compatible server for the object-storage tests: moto's, in threads of the test
process, on a port of its own; it keeps its buckets when stopped and started again, as a store
that was down for a while does."""

from __future__ import annotations

import logging

import boto3
from moto.server import ThreadedMotoServer

from tests.processes import free_port

REGION = "us-east-1"
KEYS = ("slideshelf-test", "slideshelf-test-secret")

logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line a request otherwise


class S3Server:
    def __init__(self) -> None:
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self._server: ThreadedMotoServer | None = None

    def start(self) -> None:
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self._server.start()

    def stop(self) -> None:
        if self._server:
            self._server.stop()
            self._server = None

    def client(self):
        key, secret = KEYS
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=REGION,
            aws_access_key_id=key,
            aws_secret_access_key=secret,
        )

    def storage_url(self, bucket: str, prefix: str = "site") -> str:
        key, secret = KEYS
        return f"s3://{key}:{secret}@{bucket}/{prefix}?endpoint={self.endpoint}&region={REGION}"

    def keys(self, bucket: str) -> set[str]:
        pages = self.client().get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return {item["Key"] for page in pages for item in page.get("Contents", ())}

    def read(self, bucket: str, key: str) -> bytes:
        return self.client().get_object(Bucket=bucket, Key=key)["Body"].read()
