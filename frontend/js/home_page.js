// The home page's enhancements (its own chunk, loaded by main.js only on the home page): the
// tri-state category chooser, foldable groups (Computer Science first on a first visit), a
// calendar per category, and the "More" section.
import { initCategoryChooser } from './category_chooser.js';
import { initDayCalendars } from './day_calendar.js';
import { initHomeGroups } from './home_groups.js';
import { initHomeMore } from './home_more.js';

export function initHomePage() {
  initCategoryChooser();
  initHomeGroups();
  initDayCalendars();
  initHomeMore();
}
