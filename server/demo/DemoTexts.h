#pragma once

#include "Catalogue.h"

#include <QList>

#include <array>

namespace rd::demo {

// What the demo's people write and who they are: the agencies of a real
// city administration, the categories with what citizens write in each,
// names, the moderators. DemoGenerator draws from these.

struct CategoryText
{
    int categoryId;
    const char *code;
    const char *name;
    int agencyId;
    std::array<const char *, 4> texts; // %1 is the address
};

const QList<Agency> &agencies();
extern const std::array<CategoryText, 12> CategoryTexts;
extern const std::array<const char *, 8> Extras;
extern const std::array<const char *, 20> FirstNames; // the first ten are women's
extern const std::array<const char *, 16> LastNames;  // masculine forms
extern const std::array<const char *, 20> Translit;   // of FirstNames, for e-mail addresses
extern const std::array<const char *, 5> Moderators;

} // namespace rd::demo
