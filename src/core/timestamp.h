// Writing instants for machines and people: RFC 3339 / ISO 8601 in UTC, the form of JSON APIs,
// Atom feeds and logs.
#ifndef COOLPAPERS_CORE_TIMESTAMP_H_
#define COOLPAPERS_CORE_TIMESTAMP_H_

#include <chrono>
#include <string>

namespace coolpapers {

// "2025-05-12T17:30:00Z"; sub-second parts are dropped.
std::string FormatRfc3339(std::chrono::sys_time<std::chrono::milliseconds> t);

}  // namespace coolpapers

#endif  // COOLPAPERS_CORE_TIMESTAMP_H_
