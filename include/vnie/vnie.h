// vnie/vnie.h — everything: include this one header to use vnie.
#pragma once

#include "vnie/document.h"
#include "vnie/encoding.h"
#include "vnie/extractor.h"
#include "vnie/json.h"
#include "vnie/normalize.h"
#include "vnie/status.h"
