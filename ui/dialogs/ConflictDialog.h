#pragma once

#include "CacheRecords.h"
#include "Catalogue.h"
#include "Complaint.h"

#include <QDialog>

#include <optional>

namespace rd {

// A conflict: the complaint changed on the server after the user wrote an
// action for it. Side by side: the user's action, the server's record now,
// and what changed between the version the user saw and the current one.
// The user decides: apply the action to the new version, edit it as a
// draft, or discard it.
class ConflictDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictDialog)
public:
    enum Choice
    {
        Cancelled,
        Reapply,
        Edit,
        Discard
    };

    ConflictDialog(const OutboxAction &action, const std::optional<Complaint> &seen,
                   const std::optional<Complaint> &current, const Catalogue &catalogue,
                   QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    // "field: before → after" lines between two versions of a complaint.
    static QStringList differences(const Complaint &before, const Complaint &after,
                                   const Catalogue &catalogue);
    static QString describeAction(const OutboxAction &action, const Catalogue &catalogue);

private:
    Choice m_choice = Cancelled;
};

} // namespace rd
