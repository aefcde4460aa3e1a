// SPDX-License-Identifier: Apache-2.0
// Compiled only when ATTENTION_OCR_EXTERNAL_SHIM is set (scripts/build-gpu-bundle): the shim's
// C++ then lives in a separate libctorch.so, built on the target machine against its own torch,
// and this target contributes only the header. SwiftPM needs at least one source file.
#include "ctorch.h"
