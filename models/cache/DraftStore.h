#pragma once

#include "CacheRecords.h"
#include "SavedSearches.h"

#include <QList>
#include <QString>

#include <optional>

namespace rd {

namespace sqlite {
class Database;
}
class ComplaintStore;

// The user's drafts, one per complaint, autosaved as they type.
class DraftStore final
{
public:
    DraftStore(sqlite::Database &db, ComplaintStore &complaints);
    Q_DISABLE_COPY_MOVE(DraftStore)

    void save(const Draft &draft); // insert or replace
    std::optional<Draft> draft(qint64 complaintId);
    QList<Draft> all();
    // Removes the draft; the complaint's waiting server copy, if any, is
    // promoted once nothing else protects it.
    void discard(qint64 complaintId);
    qint64 count();

    // The user's own snippets of answer text (besides the catalogue's
    // templates), kept with the drafts: in this account's cache, encrypted
    // with it, gone with it when it is wiped.
    struct Snippet
    {
        QString title;
        QString text;
        friend bool operator==(const Snippet &, const Snippet &) = default;
    };
    QList<Snippet> snippets();
    void setSnippets(const QList<Snippet> &snippets);

    // The user's saved searches (queues of their own), in their order;
    // entries that do not read are left out and counted in *skipped.
    QList<SavedSearch> savedSearches(int *skipped = nullptr);
    void setSavedSearches(const QList<SavedSearch> &searches);

private:
    sqlite::Database &m_db;
    ComplaintStore &m_complaints;
};

} // namespace rd
