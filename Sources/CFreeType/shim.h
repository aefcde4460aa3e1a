// FreeType names its headers through macros; this shim lets Swift import them as one module.
#include <ft2build.h>
#include FT_FREETYPE_H
