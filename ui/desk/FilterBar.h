#pragma once

#include "Catalogue.h"
#include "QueueQuery.h"
#include "SavedSearches.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;
class QToolButton;

namespace rd {

// The row above the queue: as-you-type text search (full text, any
// language the cache indexes), category, agency, state, due range and
// minimum votes. It narrows whatever queue is chosen; changed() fires after
// a short pause in typing so a fast typist does not query on every key.
class FilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterBar)
public:
    explicit FilterBar(QWidget *parent = nullptr);

    void setCatalogue(const Catalogue &catalogue);
    // The service's today: the due range starts there (today … a week on)
    // unless the user has set one.
    void setToday(const QDate &today);
    // Adds this bar's conditions to a queue's query.
    QueueQuery narrow(QueueQuery query) const;
    // The conditions as a value (what a saved search keeps), and set from one.
    QueueFilters filters() const;
    void setFilters(const QueueFilters &filters); // emits changed() once
    QString text() const;
    void setText(const QString &text); // applied at once, not after the typing delay
    bool isActive() const;
    void clear();
    void focusSearch();
    void setTypingDelay(int ms);
    // An area chosen on the map: the queue shows only what lies in it
    // until the chip is clicked (or the map's area cleared).
    void setArea(const std::optional<GeoBox> &area, const QList<QPointF> &polygon = {});
    std::optional<GeoBox> area() const { return m_area; }

Q_SIGNALS:
    void changed();
    void areaCleared();

private:
    // The constructor's parts, in the order the widgets are made (the tab order).
    void createSearch();
    void createCombos();
    void createDueRange();
    void createMinVotes();
    void createAreaChip();
    void buildLayout();
    void connectFields();

    QLineEdit *m_search = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_agency = nullptr;
    QComboBox *m_state = nullptr;
    QCheckBox *m_dueRange = nullptr;
    QDateEdit *m_dueFrom = nullptr;
    QDateEdit *m_dueTo = nullptr;
    QLabel *m_dueDash = nullptr;
    QSpinBox *m_minVotes = nullptr;
    QTimer *m_typing = nullptr;
    QToolButton *m_areaChip = nullptr;
    QDate m_today = QDate::currentDate();
    std::optional<GeoBox> m_area;
    QList<QPointF> m_polygon; // a lasso inside m_area, or empty
};

} // namespace rd
