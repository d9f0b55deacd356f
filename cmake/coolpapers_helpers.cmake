# coolpapers_library(NAME SRCS ... DEPS ... PRIVATE_DEPS ...): one static library per module,
# linked only to what sits below it in the data flow (docs/architecture.md: the table of which
# module may include which, checked by tests/architecture). DEPS are the libraries whose headers
# this module's headers include (its users see them too); PRIVATE_DEPS the ones only its .cc
# files use.
function(coolpapers_library)
  cmake_parse_arguments(ARG "" "NAME" "SRCS;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(${ARG_NAME} STATIC ${ARG_SRCS})
  target_include_directories(${ARG_NAME} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${ARG_NAME} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
endfunction()

# coolpapers_test(NAME SRCS ... DEPS ... [TIMEOUT s] [ONE_PROCESS] [PG_SERVER]): a GoogleTest
# binary whose every TEST becomes its own CTest entry; with ONE_PROCESS the binary is one CTest
# entry, so an expensive suite set-up (importing the real data, starting a server) runs once.
# With PG_SERVER its tests share the run's PostgreSQL server (the pg_server fixture,
# tests/support/pg_test_server.h) instead of each process starting one.
# Tests find ../shared through COOLPAPERS_SHARED_DIR and the binary through COOLPAPERS_BINARY.
function(coolpapers_test)
  cmake_parse_arguments(ARG "ONE_PROCESS;PG_SERVER" "NAME;TIMEOUT" "SRCS;DEPS" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 60)
  endif()
  add_executable(${ARG_NAME} ${ARG_SRCS})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS} coolpapers_test_support GTest::gmock GTest::gtest_main)
  set(test_environment
      "COOLPAPERS_SHARED_DIR=${COOLPAPERS_SHARED_DIR};COOLPAPERS_BINARY=$<TARGET_FILE:coolpapers>")
  set(fixture_properties)
  if(ARG_PG_SERVER)
    list(APPEND test_environment "COOLPAPERS_PG_TEST_HOST=${COOLPAPERS_PG_TEST_HOST}")
    set(fixture_properties FIXTURES_REQUIRED pg_server)
  endif()
  if(ARG_ONE_PROCESS)
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
    set_tests_properties(${ARG_NAME} PROPERTIES TIMEOUT ${ARG_TIMEOUT} ENVIRONMENT "${test_environment}"
                         ${fixture_properties})
    add_dependencies(${ARG_NAME} coolpapers)
  else()
    include(GoogleTest)
    gtest_discover_tests(${ARG_NAME}
      PROPERTIES TIMEOUT ${ARG_TIMEOUT} ENVIRONMENT "${test_environment}" ${fixture_properties}
      DISCOVERY_TIMEOUT 30)
  endif()
endfunction()

# coolpapers_bench(NAME SRCS ... DEPS ...): a Google Benchmark program under bench/.
function(coolpapers_bench)
  cmake_parse_arguments(ARG "" "NAME" "SRCS;DEPS" ${ARGN})
  find_package(benchmark REQUIRED)
  add_executable(${ARG_NAME} ${ARG_SRCS})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_DEPS} benchmark::benchmark)
endfunction()
