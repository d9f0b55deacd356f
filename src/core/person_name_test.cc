#include "core/person_name.h"

#include <gtest/gtest.h>

namespace coolpapers {
namespace {

struct Case {
  std::string name;
  std::string family;
  std::string given;
  std::string suffix;
  bool group;
};

TEST(SplitPersonName, KnowsParticlesSuffixesAndGroups) {
  for (const Case& c : {
           Case{"Ada Lovelace", "Lovelace", "Ada", "", false},
           Case{"Aäron van den Oord", "van den Oord", "Aäron", "", false},
           Case{"Floris van der Tak", "van der Tak", "Floris", "", false},
           Case{"Ludwig von Mises", "von Mises", "Ludwig", "", false},
           Case{"Roberto M. Cesar Jr.", "Cesar", "Roberto M.", "Jr.", false},
           Case{"Karl Marx III", "Marx", "Karl", "III", false},
           Case{"C.-P. Yuan", "Yuan", "C.-P.", "", false},
           Case{"Gemma Team", "Gemma Team", "", "", true},
           Case{"The BABAR Collaboration", "The BABAR Collaboration", "", "", true},
           Case{"Qwen Team", "Qwen Team", "", "", true},
           Case{"Plato", "Plato", "", "", false},
           Case{"", "", "", "", false},
       }) {
    const PersonName person = SplitPersonName(c.name);
    EXPECT_EQ(person.family, c.family) << c.name;
    EXPECT_EQ(person.given, c.given) << c.name;
    EXPECT_EQ(person.suffix, c.suffix) << c.name;
    EXPECT_EQ(person.group, c.group) << c.name;
  }
}

TEST(PersonName, WritesFamilyFirstForZotero) {
  EXPECT_EQ(SplitPersonName("Aäron van den Oord").FamilyFirst(), "van den Oord, Aäron");
  EXPECT_EQ(SplitPersonName("Roberto M. Cesar Jr.").FamilyFirst(), "Cesar Jr., Roberto M.");
  EXPECT_EQ(SplitPersonName("Gemma Team").FamilyFirst(), "Gemma Team");
  EXPECT_EQ(SplitPersonName("Plato").FamilyFirst(), "Plato");
}

}  // namespace
}  // namespace coolpapers
