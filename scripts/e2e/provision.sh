#!/usr/bin/env bash
# Idempotent provisioning of the real-VS-Code harness (apt chromium/libkrb5-dev, Node 24, code-server).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
provision
