# Writes a C++ source that embeds one text file as a raw string literal, returned by a function
# declared in HEADER. Run at build time:
#   cmake -DINPUT=openapi.json -DOUTPUT=openapi_document.cc -DHEADER=web/api/openapi_document.h
#         -DFUNCTION=OpenApiDocument -DNAMESPACE=coolpapers::web -P embed_text.cmake
set(delimiter "coolpapers_text")
file(READ "${INPUT}" text)
string(FIND "${text}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw string delimiter )${delimiter}\"")
endif()
get_filename_component(name "${INPUT}" NAME)
set(content "// Generated from ${name} by cmake/embed_text.cmake. Do not edit.
#include \"${HEADER}\"

namespace ${NAMESPACE} {

std::string_view ${FUNCTION}() {
  static constexpr std::string_view kText = R\"${delimiter}(${text})${delimiter}\";
  return kText;
}

}  // namespace ${NAMESPACE}
")
file(WRITE "${OUTPUT}.tmp" "${content}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
