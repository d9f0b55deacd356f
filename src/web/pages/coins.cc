#include "web/pages/coins.h"

#include <string_view>

#include "core/person_name.h"
#include "web/html_escape.h"
#include "web/url_codec.h"

namespace coolpapers::web {
namespace {

void AddPair(std::string& kev, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  if (!kev.empty()) kev += '&';
  kev += key;
  kev += '=';
  AppendQueryEncoded(kev, value);
}

}  // namespace

std::string CoinsContextObject(const Paper& paper) {
  std::string kev;
  AddPair(kev, "ctx_ver", "Z39.88-2004");
  AddPair(kev, "rfr_id", "info:sid/coolpapers");
  AddPair(kev, "rft_val_fmt", "info:ofi/fmt:kev:mtx:journal");
  AddPair(kev, "rft.genre", "preprint");
  AddPair(kev, "rft.atitle", paper.title);
  AddPair(kev, "rft.jtitle", "arXiv");
  for (size_t i = 0; i < paper.authors.size(); ++i) {
    const PersonName person = SplitPersonName(paper.authors[i]);
    if (i == 0 && person.group) AddPair(kev, "rft.aucorp", person.family);
    if (i == 0 && !person.group) {
      AddPair(kev, "rft.aulast", person.family);
      AddPair(kev, "rft.aufirst", person.given);
      AddPair(kev, "rft.ausuffix", person.suffix);
    }
    AddPair(kev, "rft.au", person.FamilyFirst());
  }
  AddPair(kev, "rft.date", CitedDate(paper));
  AddPair(kev, "rft_id", "info:arxiv/" + paper.id +
                             (paper.version > 0 ? "v" + std::to_string(paper.version) : ""));
  AddPair(kev, "rft_id", "info:doi/" + (paper.doi.empty() ? "10.48550/arXiv." + paper.id : paper.doi));
  AddPair(kev, "rft_id", paper.AbsUrl());
  return kev;
}

void AppendCoinsSpan(std::string& out, const Paper& paper) {
  out += "<span class=\"Z3988\" title=\"";
  AppendHtmlEscaped(out, CoinsContextObject(paper));
  out += "\"></span>";
}

}  // namespace coolpapers::web
