# Writes a C++ source that embeds the store's SQL migrations as raw string literals, so the
# binary carries its schema. Run at build time by src/store/CMakeLists.txt:
#   cmake -DINPUTS="a.sql|b.sql" -DOUTPUT=migrations_sql.cc -P embed_migrations.cmake
# Each file must be named NNNN_name.sql, numbered 1, 2, 3... in the order given. FUNCTION and
# HEADER name the accessor and its header (default AllMigrations in store/migrations.h), so each
# backend embeds its own schema the same way.
string(REPLACE "|" ";" inputs "${INPUTS}")
if(NOT FUNCTION)
  set(FUNCTION AllMigrations)
endif()
if(NOT HEADER)
  set(HEADER store/migrations.h)
endif()
set(delimiter "coolpapers_sql")
set(entries "")
set(expected 1)
foreach(input IN LISTS inputs)
  get_filename_component(name "${input}" NAME_WE)
  if(NOT name MATCHES "^([0-9][0-9][0-9][0-9])_[a-z0-9_]+$")
    message(FATAL_ERROR "migration ${input}: expected a name like 0001_create_papers.sql")
  endif()
  math(EXPR number "${CMAKE_MATCH_1}")
  if(NOT number EQUAL expected)
    message(FATAL_ERROR "migration ${input}: expected number ${expected} (list migrations in order, no gaps)")
  endif()
  file(READ "${input}" sql)
  string(FIND "${sql}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "migration ${input} contains the raw string delimiter )${delimiter}\"")
  endif()
  string(APPEND entries "    {${number}, \"${name}\", R\"${delimiter}(${sql})${delimiter}\"},\n")
  math(EXPR expected "${expected} + 1")
endforeach()

set(content "// Generated from src/store/*migrations/*.sql by src/store/embed_migrations.cmake. Do not edit.
#include \"${HEADER}\"

namespace coolpapers::store {
namespace {

constexpr Migration kMigrations[] = {
${entries}};

}  // namespace

std::span<const Migration> ${FUNCTION}() { return kMigrations; }

}  // namespace coolpapers::store
")
file(WRITE "${OUTPUT}" "${content}")
