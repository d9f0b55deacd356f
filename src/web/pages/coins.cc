#include "web/pages/coins.h"

#include <string_view>
#include <vector>

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

// rft.au "Family, Given" for every author; the first also split into its parts.
template <class Names>
void AddAuthors(std::string& kev, const Names& names) {
  bool first = true;
  for (const std::string& name : names) {
    const PersonName person = SplitPersonName(name);
    if (first && person.group) AddPair(kev, "rft.aucorp", person.family);
    if (first && !person.group) {
      AddPair(kev, "rft.aulast", person.family);
      AddPair(kev, "rft.aufirst", person.given);
      AddPair(kev, "rft.ausuffix", person.suffix);
    }
    first = false;
    AddPair(kev, "rft.au", person.FamilyFirst());
  }
}

void AppendSpan(std::string& out, std::string_view kev) {
  out += "<span class=\"Z3988\" title=\"";
  AppendHtmlEscaped(out, kev);
  out += "\"></span>";
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
  AddAuthors(kev, paper.authors);
  AddPair(kev, "rft.date", CitedDate(paper));
  AddPair(kev, "rft_id", "info:arxiv/" + paper.id +
                             (paper.version > 0 ? "v" + std::to_string(paper.version) : ""));
  AddPair(kev, "rft_id", "info:doi/" + (paper.doi.empty() ? "10.48550/arXiv." + paper.id : paper.doi));
  AddPair(kev, "rft_id", paper.AbsUrl());
  return kev;
}

void AppendCoinsSpan(std::string& out, const Paper& paper) {
  AppendSpan(out, CoinsContextObject(paper));
}

std::string CoinsContextObject(const VenuePaper& paper, std::string_view conference) {
  std::string kev;
  AddPair(kev, "ctx_ver", "Z39.88-2004");
  AddPair(kev, "rfr_id", "info:sid/coolpapers");
  AddPair(kev, "rft_val_fmt", "info:ofi/fmt:kev:mtx:book");
  AddPair(kev, "rft.genre", "proceeding");
  AddPair(kev, "rft.atitle", paper.title);
  AddPair(kev, "rft.btitle", conference.empty() ? std::string_view(paper.edition) : conference);
  std::vector<std::string> names;
  names.reserve(paper.authors.size());
  for (const VenueAuthor& author : paper.authors) names.push_back(author.name);
  AddAuthors(kev, names);
  const size_t dot = paper.edition.rfind('.');
  if (dot != std::string::npos) AddPair(kev, "rft.date", paper.edition.substr(dot + 1));
  AddPair(kev, "rft.pages", paper.pages);
  if (!paper.doi.empty()) AddPair(kev, "rft_id", "info:doi/" + paper.doi);
  AddPair(kev, "rft_id", paper.landing_url);
  return kev;
}

void AppendCoinsSpan(std::string& out, const VenuePaper& paper, std::string_view conference) {
  AppendSpan(out, CoinsContextObject(paper, conference));
}

}  // namespace coolpapers::web
