// The entry module every page loads (linked by src/web/pages/layout.cc). It wires the features;
// each lives in its own module, and the heavy ones (pdf.js, KaTeX) load only when first needed,
// as do the home page's (home_page.js).
import { initBottomBar } from './bottom_bar.js';
import { initCardActions, openFaqFromHash } from './card_actions.js';
import { initCardStars } from './card_star.js';
import { registerInsertedCards } from './card_registry.js';
import { initClickCounts } from './click_counts.js';
import { initDensityView } from './density_view.js';
import { initKeyboardNav } from './keyboard_nav.js';
import { initKeywordFilter } from './keyword_filter.js';
import { initLazyCards } from './lazy_cards.js';
import { initMath } from './math.js';
import { initReadingPosition } from './reading_position.js';
import { initRelatedPanel } from './related_panel.js';
import { initScrollButtons } from './scroll_buttons.js';
import { initSeenCards } from './seen_cards.js';
import { initSettingsPanel } from './settings_panel.js';
import { initSharedList } from './shared_list.js';
import { initSinglePaper } from './single_paper.js';
import { initSortCards } from './sort_cards.js';
import { initStarList } from './star_list.js';
import { initSubjectChoice } from './subject_choice.js';
import { initThemeToggle } from './theme.js';
import { initTranslations } from './translations.js';

function start() {
  const papers = document.getElementById('papers');
  const bar = initBottomBar();
  if (!papers) {
    initThemeToggle(bar);
    if (document.querySelector('li[data-category]')) {
      import('./home_page.js').then(({ initHomePage }) => initHomePage());
    }
    return;
  }
  // Listeners first, so that they see the cards the page came with.
  initMath();
  initCardActions();
  initCardStars();
  initClickCounts();
  initSubjectChoice();
  initKeywordFilter(bar);
  initStarList(bar);
  initSeenCards(bar);
  initSettingsPanel(bar);
  initRelatedPanel();
  initTranslations();
  initThemeToggle(bar);
  registerInsertedCards([...papers.querySelectorAll('div.panel.paper')]);
  initLazyCards();
  initSortCards();
  initDensityView();
  initReadingPosition();
  initKeyboardNav();
  initScrollButtons();
  initSharedList();
  initSinglePaper();
  openFaqFromHash();
}

start();
