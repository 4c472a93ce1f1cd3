#include "FilterBar.h"
#include "DateField.h"

#include "QueueModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace rd {

namespace {

QComboBox *makeCombo(QWidget *parent, const char *name, const QString &accessible)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QString::fromLatin1(name));
    combo->setAccessibleName(accessible);
    combo->setToolTip(accessible);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(6);
    return combo;
}

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("filterBar"));
    createSearch();
    createCombos();
    createDueRange();
    createMinVotes();
    createAreaChip();
    buildLayout();
    connectFields();
}

void FilterBar::createSearch()
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search text and address (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(140);
}

void FilterBar::createCombos()
{
    m_category = makeCombo(this, "categoryFilter", tr("Category"));
    m_agency = makeCombo(this, "agencyFilter", tr("Agency"));
    m_state = makeCombo(this, "stateFilter", tr("State"));
    m_state->addItem(tr("Any state"));
    for (ComplaintState s : allComplaintStates())
        m_state->addItem(QueueModel::stateName(s), int(s));
}

void FilterBar::createDueRange()
{
    m_dueRange = new QCheckBox(tr("D&ue"), this);
    m_dueRange->setObjectName(QStringLiteral("dueRangeCheck"));
    m_dueRange->setToolTip(tr("Only complaints whose answer is due in this range"));
    m_dueFrom = new DateField(this);
    m_dueFrom->setObjectName(QStringLiteral("dueFromEdit"));
    m_dueFrom->setAccessibleName(tr("Due from"));
    m_dueFrom->setCalendarPopup(true);
    m_dueTo = new DateField(this);
    m_dueTo->setObjectName(QStringLiteral("dueToEdit"));
    m_dueTo->setAccessibleName(tr("Due to"));
    m_dueTo->setCalendarPopup(true);
    // The range shows when it is used: the row stays narrow on small screens.
    m_dueFrom->setVisible(false);
    m_dueTo->setVisible(false);
}

void FilterBar::createMinVotes()
{
    m_minVotes = new QSpinBox(this);
    m_minVotes->setObjectName(QStringLiteral("minVotesSpin"));
    m_minVotes->setRange(0, 100000);
    m_minVotes->setPrefix(tr("votes ≥ "));
    m_minVotes->setAccessibleName(tr("Minimum votes"));
    m_minVotes->setAccessibleDescription(tr("Only complaints with at least this many votes"));
}

void FilterBar::createAreaChip()
{
    m_areaChip = new QToolButton(this);
    m_areaChip->setObjectName(QStringLiteral("areaChip"));
    m_areaChip->setText(tr("Map area ✕"));
    m_areaChip->setToolTip(tr("Only complaints inside the area chosen on the map; click to "
                              "show the whole queue again"));
    m_areaChip->setAccessibleName(tr("Clear the map area"));
    m_areaChip->setVisible(false);
    connect(m_areaChip, &QToolButton::clicked, this, [this] {
        setArea(std::nullopt);
        Q_EMIT areaCleared();
    });
}

void FilterBar::buildLayout()
{
    // Two rows, so the desk fits a 1366-pixel screen with the complaint beside it.
    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(4);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_areaChip);
    rows->addLayout(searchRow);
    auto *layout = new QHBoxLayout;
    rows->addLayout(layout);
    layout->addWidget(m_category, 1);
    layout->addWidget(m_agency, 1);
    layout->addWidget(m_state, 1);
    layout->addWidget(m_dueRange);
    layout->addWidget(m_dueFrom);
    m_dueDash = new QLabel(QStringLiteral("–"), this);
    m_dueDash->setVisible(false);
    layout->addWidget(m_dueDash);
    layout->addWidget(m_dueTo);
    layout->addWidget(m_minVotes);
}

void FilterBar::connectFields()
{
    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(150);
    connect(m_typing, &QTimer::timeout, this, &FilterBar::changed);
    connect(m_search, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_typing->stop();
        Q_EMIT changed();
    });
    for (QComboBox *combo : {m_category, m_agency, m_state})
        connect(combo, &QComboBox::currentIndexChanged, this, &FilterBar::changed);
    connect(m_dueRange, &QCheckBox::toggled, this, [this](bool on) {
        m_dueFrom->setVisible(on);
        m_dueTo->setVisible(on);
        m_dueDash->setVisible(on);
        Q_EMIT changed();
    });
    connect(m_dueFrom, &QDateEdit::dateChanged, this, &FilterBar::changed);
    connect(m_dueTo, &QDateEdit::dateChanged, this, &FilterBar::changed);
    connect(m_minVotes, &QSpinBox::valueChanged, this, &FilterBar::changed);
}

void FilterBar::setToday(const QDate &today)
{
    m_today = today;
    if (m_dueRange->isChecked())
        return; // the user's range stands
    m_dueFrom->setDate(today);
    m_dueTo->setDate(today.addDays(7));
}

void FilterBar::setCatalogue(const Catalogue &catalogue)
{
    const QSignalBlocker blockCategory(m_category);
    const QSignalBlocker blockAgency(m_agency);
    const QVariant category = m_category->currentData();
    const QVariant agency = m_agency->currentData();
    m_category->clear();
    m_category->addItem(tr("Any category"));
    for (const Category &c : catalogue.categories)
        m_category->addItem(c.name, c.id);
    m_agency->clear();
    m_agency->addItem(tr("Any agency"));
    for (const Agency &a : catalogue.agencies)
        m_agency->addItem(a.name, a.id);
    m_category->setCurrentIndex(qMax(0, m_category->findData(category)));
    m_agency->setCurrentIndex(qMax(0, m_agency->findData(agency)));
}

QueueQuery FilterBar::narrow(QueueQuery query) const
{
    return narrowed(std::move(query), filters(), m_today);
}

QueueFilters FilterBar::filters() const
{
    QueueFilters f;
    f.text = m_search->text();
    if (m_category->currentIndex() > 0)
        f.categoryId = m_category->currentData().toInt();
    if (m_agency->currentIndex() > 0)
        f.agencyId = m_agency->currentData().toInt();
    if (m_state->currentIndex() > 0)
        f.state = ComplaintState(m_state->currentData().toInt());
    if (m_dueRange->isChecked()) {
        f.dueFromDays = int(m_today.daysTo(m_dueFrom->date()));
        f.dueToDays = int(m_today.daysTo(m_dueTo->date()));
    }
    f.minVotes = m_minVotes->value();
    f.area = m_area;
    f.polygon = m_polygon;
    return f;
}

void FilterBar::setFilters(const QueueFilters &f)
{
    {
        const QSignalBlocker b1(m_search), b2(m_category), b3(m_agency), b4(m_state),
            b5(m_dueRange), b6(m_minVotes), b7(m_dueFrom), b8(m_dueTo);
        m_search->setText(f.text);
        // A category or agency the catalogue no longer has: "any".
        m_category->setCurrentIndex(qMax(0, m_category->findData(f.categoryId)));
        m_agency->setCurrentIndex(qMax(0, m_agency->findData(f.agencyId)));
        m_state->setCurrentIndex(f.state ? qMax(0, m_state->findData(int(*f.state))) : 0);
        const bool due = f.dueFromDays && f.dueToDays;
        m_dueRange->setChecked(due);
        m_dueFrom->setDate(m_today.addDays(due ? *f.dueFromDays : 0));
        m_dueTo->setDate(m_today.addDays(due ? *f.dueToDays : 7));
        for (QWidget *w : {static_cast<QWidget *>(m_dueFrom), static_cast<QWidget *>(m_dueTo),
                           static_cast<QWidget *>(m_dueDash)})
            w->setVisible(due);
        m_minVotes->setValue(f.minVotes);
    }
    const bool hadArea = m_area.has_value();
    m_area = f.area;
    m_polygon = f.area ? f.polygon : QList<QPointF>{};
    m_areaChip->setVisible(m_area.has_value());
    if (hadArea && !m_area)
        Q_EMIT areaCleared();
    m_typing->stop();
    Q_EMIT changed();
}

QString FilterBar::text() const
{
    return m_search->text();
}

void FilterBar::setText(const QString &text)
{
    m_search->setText(text);
    m_typing->stop();
    Q_EMIT changed();
}

bool FilterBar::isActive() const
{
    return !m_search->text().isEmpty() || m_category->currentIndex() > 0 ||
           m_agency->currentIndex() > 0 || m_state->currentIndex() > 0 || m_dueRange->isChecked() ||
           m_minVotes->value() > 0 || m_area.has_value();
}

void FilterBar::setArea(const std::optional<GeoBox> &area, const QList<QPointF> &polygon)
{
    if (area == m_area && polygon == m_polygon)
        return;
    m_area = area;
    m_polygon = area ? polygon : QList<QPointF>{};
    m_areaChip->setVisible(area.has_value());
    Q_EMIT changed();
}

void FilterBar::clear()
{
    {
        const QSignalBlocker b1(m_search), b2(m_category), b3(m_agency), b4(m_state),
            b5(m_dueRange), b6(m_minVotes);
        m_search->clear();
        m_category->setCurrentIndex(0);
        m_agency->setCurrentIndex(0);
        m_state->setCurrentIndex(0);
        m_dueRange->setChecked(false);
        m_dueFrom->setVisible(false);
        m_dueTo->setVisible(false);
        m_dueDash->setVisible(false);
        m_minVotes->setValue(0);
    }
    if (m_area) {
        m_area.reset();
        m_polygon.clear();
        m_areaChip->setVisible(false);
        Q_EMIT areaCleared();
    }
    m_typing->stop();
    Q_EMIT changed();
}

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FilterBar::setTypingDelay(int ms)
{
    m_typing->setInterval(ms);
}

} // namespace rd
