#pragma once

#include "CacheRecords.h"
#include "Catalogue.h"
#include "Complaint.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QFormLayout;
class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace rd {

class FlowLayout;
struct Geography;
class MapWidget;
class TileSource;

// One complaint, read-only: text, category, agency, address, photos, votes,
// age and due date, the author where the server sent it (only roles allowed
// to see personal data get it), the answer and the full history. Photos and
// history come from the cache at once and are refreshed from the server on
// request (photoWanted, historyWanted).
class ComplaintView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComplaintView)
public:
    explicit ComplaintView(QWidget *parent = nullptr);

    void setCatalogue(const Catalogue &catalogue) { m_catalogue = catalogue; }
    void setToday(const QDate &today) { m_today = today; }
    // The thumbnail map's tiles (the desk map's source; none: a grid).
    void setTileSource(TileSource *tiles);
    // The city's outlines and streets for the small map (drawn without tiles).
    void setGeography(const Geography &geography);
    void showComplaint(const std::optional<Complaint> &complaint, const QList<Photo> &photos,
                       const QList<HistoryEntry> &history, const QString &localWork = {});
    void setHistory(const QList<HistoryEntry> &history);
    void setHistoryNotice(const QString &notice);
    void setPhoto(const QString &photoId, const QImage &image);
    void setPhotoFailed(const QString &photoId, const QString &message);
    // Asks again for the photos not shown yet (the network came back).
    void requestMissingPhotos();
    qint64 complaintId() const { return m_id; }

    static QString actionName(const QString &code);
    // A history entry's before or after value as the desk shows it.
    static QString shownValue(const QString &action, const QString &value);

Q_SIGNALS:
    void photoWanted(const QString &photoId);
    void showOnMapRequested(qint64 complaintId);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitTextHeight();
    // The constructor's parts, in the order the widgets are made (the tab order).
    void createHeading();
    void createFields();
    void buildForm();
    void createText();
    void createPictures();
    void createHistory();
    void buildLayout();
    // showComplaint()'s parts, for a complaint.
    void showFields(const Complaint &c, bool overdue);
    void showDue(const Complaint &c, bool overdue);
    QString answerText(const Complaint &c) const;
    QString outcomeText(const Complaint &c) const;
    void showPhotos(const QList<Photo> &photos);
    void openPhoto(const QString &photoId);
    QString categoryName(int id) const;
    QString agencyName(std::optional<int> id) const;
    QString districtName(std::optional<int> id) const;

    Catalogue m_catalogue;
    QDate m_today;
    qint64 m_id = 0;
    QLabel *m_title = nullptr;
    QLabel *m_localWork = nullptr;
    QLabel *m_category = nullptr;
    QLabel *m_agency = nullptr;
    QLabel *m_district = nullptr;
    QLabel *m_address = nullptr;
    QLabel *m_filed = nullptr;
    QLabel *m_due = nullptr;
    QLabel *m_votes = nullptr;
    QLabel *m_author = nullptr;
    QLabel *m_answer = nullptr;
    QLabel *m_outcome = nullptr;
    QFormLayout *m_form = nullptr;
    QPushButton *m_showOnMap = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QWidget *m_photoStrip = nullptr;
    MapWidget *m_thumbnail = nullptr; // where it is, with the map's own code
    FlowLayout *m_photoLayout = nullptr;
    QLabel *m_historyNotice = nullptr;
    QTreeWidget *m_history = nullptr;
    QHash<QString, QPushButton *> m_photoButtons;
    QHash<QString, QImage> m_photoImages;
};

} // namespace rd
