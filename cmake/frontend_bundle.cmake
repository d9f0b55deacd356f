# The front end (frontend/: ES modules and CSS, npm packages in frontend/node_modules) bundled at
# build time by frontend/build.mjs into the build tree, and embedded in the web module through
# the generated ${COOLPAPERS_EMBEDDED_ASSETS_CC} (see src/web/static_files.h). Sources listed
# explicitly (no GLOB): add a new module or style sheet here.
find_program(COOLPAPERS_NODE node)
if(NOT COOLPAPERS_NODE)
  message(FATAL_ERROR "coolpapers: Node.js (node) was not found; it bundles the front end. "
                      "Run scripts/install_deps.sh, then configure again.")
endif()
set(COOLPAPERS_FRONTEND_DIR "${PROJECT_SOURCE_DIR}/frontend")
if(NOT EXISTS "${COOLPAPERS_FRONTEND_DIR}/node_modules/esbuild/package.json")
  message(FATAL_ERROR "coolpapers: ${COOLPAPERS_FRONTEND_DIR}/node_modules is missing (esbuild, "
                      "katex, pdfjs-dist). Run scripts/install_deps.sh (it runs npm ci in "
                      "frontend/), then configure again.")
endif()

set(COOLPAPERS_FRONTEND_SOURCES
  build.mjs
  package.json
  package-lock.json
  css/base.css
  css/bottom_bar.css
  css/cards.css
  css/faq.css
  css/home.css
  css/katex.css
  css/main.css
  css/pdf_viewer.css
  css/reading.css
  js/bottom_bar.js
  js/card_actions.js
  js/card_registry.js
  js/card_star.js
  js/category_chooser.js
  js/click_counts.js
  js/copy_paper.js
  js/day_calendar.js
  js/density_view.js
  js/export_formats.js
  js/faq_markdown.js
  js/faq_panel.js
  js/home_groups.js
  js/home_more.js
  js/home_page.js
  js/katex_render.js
  js/keyboard_nav.js
  js/keyword_filter.js
  js/lazy_cards.js
  js/main.js
  js/math.js
  js/pdf_viewer.js
  js/reading_position.js
  js/related_panel.js
  js/scroll_buttons.js
  js/seen_cards.js
  js/settings_panel.js
  js/shared_list.js
  js/single_paper.js
  js/sort_cards.js
  js/star_list.js
  js/storage.js
  js/subject_choice.js
  js/tex_text.js
  js/theme.js
  js/translations.js
  js/word_cloud.js
)
list(TRANSFORM COOLPAPERS_FRONTEND_SOURCES PREPEND "${COOLPAPERS_FRONTEND_DIR}/")

set(COOLPAPERS_FRONTEND_OUT "${CMAKE_BINARY_DIR}/frontend")
set(COOLPAPERS_EMBEDDED_ASSETS_CC "${COOLPAPERS_FRONTEND_OUT}/embedded_assets.cc")
add_custom_command(
  OUTPUT "${COOLPAPERS_EMBEDDED_ASSETS_CC}"
  COMMAND "${COOLPAPERS_NODE}" "${COOLPAPERS_FRONTEND_DIR}/build.mjs" "${COOLPAPERS_FRONTEND_OUT}"
  DEPENDS ${COOLPAPERS_FRONTEND_SOURCES}
  COMMENT "Bundling the front end (frontend/build.mjs)"
  VERBATIM)
