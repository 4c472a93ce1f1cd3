#pragma once

#include "Catalogue.h"
#include "Complaint.h"
#include "ComplaintRecords.h"

#include <QDialog>
#include <QHash>

class QLabel;

namespace rd {

// A complaint awaiting moderation and the one it may repeat, side by side:
// their text, photos, place (and how far apart), when each was filed, state
// and votes. The moderator marks it a duplicate of the other (Enter) or
// closes (Esc) to decide otherwise. Photos come as the desk fetches them
// (photoWanted, then setPhoto).
class DuplicateCompareDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DuplicateCompareDialog)
public:
    struct Side
    {
        Complaint complaint;
        QList<Photo> photos;
    };
    DuplicateCompareDialog(const Side &subject, const Side &original, const Catalogue &catalogue,
                           QWidget *parent = nullptr);

    qint64 subjectId() const { return m_subjectId; }
    qint64 originalId() const { return m_originalId; }
    // Asks for the photos (after the signal is connected).
    void requestPhotos();
    void setPhoto(const QString &photoId, const QImage &image);

Q_SIGNALS:
    void photoWanted(const QString &photoId);

private:
    QWidget *column(const QString &heading, const Side &side, const Side &other);
    QString categoryName(int id) const;

    Catalogue m_catalogue;
    qint64 m_subjectId = 0;
    qint64 m_originalId = 0;
    QStringList m_photoIds;
    QHash<QString, QLabel *> m_photoLabels;
};

} // namespace rd
