// Reading a TOML settings file (the configuration, the FAQ's questions): the one place that
// turns toml++'s parse errors into the FILE:LINE:COLUMN messages users get.
#ifndef COOLPAPERS_CORE_TOML_FILE_H_
#define COOLPAPERS_CORE_TOML_FILE_H_

#include <toml++/toml.h>

#include <string>

#include "core/error.h"

namespace coolpapers {

// The document in the file `name`. Errors: kInvalidArgument "NAME:LINE:COLUMN: what is wrong"
// for a file that is not TOML, or that cannot be read.
[[nodiscard]] Result<toml::table> ParseTomlFile(const std::string& name);

// The line `node` starts on, as text for messages ("12").
std::string LineOf(const toml::node& node);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_TOML_FILE_H_
