#include "ModerationPanel.h"

#include "DateText.h"

#include "ComplaintStore.h"
#include "Nearby.h"
#include "QueueModel.h"
#include "QueueReader.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rd {

namespace {

constexpr int MaxNearby = 50;

} // namespace

ModerationPanel::ModerationPanel(ComplaintStore &store, QueueReader &queue, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_queue(queue)
{
    setObjectName(QStringLiteral("moderationPanel"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("moderationTabs"));
    m_tabs->setUsesScrollButtons(true); // five tabs never widen the panel
    m_tabs->addTab(buildPublish(), tr("&Publish"));
    m_tabs->addTab(buildReject(), tr("&Reject"));
    m_tabs->addTab(buildDuplicate(), tr("&Duplicate"));
    m_tabs->addTab(buildReroute(), tr("Re-ro&ute"));
    m_tabs->addTab(buildRedact(), tr("Edi&t text"));
    m_tabs->addTab(buildReturn(), tr("Retur&n"));
    const QStringList tips{tr("Publish the complaint and send it to the responsible agency"),
                           tr("Reject the complaint with a reason the citizen is told"),
                           tr("Mark the complaint a duplicate of an earlier one"),
                           tr("Send the complaint to another agency"),
                           tr("Edit the text to be published (personal data removed)"),
                           tr("Take a decision already sent back to moderation")};
    for (int i = 0; i < tips.size(); ++i)
        m_tabs->setTabToolTip(i, tips[i]);
    Q_ASSERT(m_tabs->count() == actionCodes().size()); // a tab per action, in the table's order
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    // Catalogue names are long ("Департамент городского хозяйства…"): the
    // combos shrink with the panel instead of widening it.
    for (QComboBox *combo : findChildren<QComboBox *>()) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(14);
    }
    setCatalogue({});
    setComplaint(std::nullopt);
}

const QStringList &ModerationPanel::actionCodes()
{
    static const QStringList codes = ActionRules::codes(ActionRule::Kind::Moderation);
    return codes;
}

QPushButton *ModerationPanel::actionButton(const QString &text, const char *name,
                                           const QString &action)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(QString::fromLatin1(name));
    // What the button does, said once more for a screen reader (the
    // confirmation and the hold before sending come after it).
    button->setAccessibleDescription(
        tr("%1: the decision is queued and sent after the hold").arg(QString(text).remove(u'&')));
    connect(button, &QPushButton::clicked, this,
            [this, action] { Q_EMIT actionRequested(action); });
    return button;
}

QWidget *ModerationPanel::buildPublish()
{
    auto *page = new QWidget(this);
    m_publishCategory = compactCombo(page);
    m_publishCategory->setObjectName(QStringLiteral("publishCategory"));
    m_publishAgency = compactCombo(page);
    m_publishAgency->setObjectName(QStringLiteral("publishAgency"));
    m_publishCategory->setAccessibleDescription(
        tr("The category the complaint is published in; it suggests the agency"));
    m_publishAgency->setAccessibleDescription(tr("The agency that must answer the complaint"));
    connect(m_publishCategory, &QComboBox::activated, this, &ModerationPanel::suggestAgency);
    auto *form = new QFormLayout(page);
    form->addRow(tr("Ca&tegory:"), m_publishCategory);
    form->addRow(tr("Responsible &agency:"), m_publishAgency);
    form->addRow(
        actionButton(tr("Publish and route (P)"), "publishButton", QStringLiteral("publish")));
    return page;
}

QWidget *ModerationPanel::buildReject()
{
    auto *page = new QWidget(this);
    m_rejectReason = compactCombo(page);
    m_rejectReason->setObjectName(QStringLiteral("rejectReason"));
    m_rejectReason->installEventFilter(this); // Enter rejects
    m_rejectText = new QPlainTextEdit(page);
    m_rejectText->setObjectName(QStringLiteral("rejectText"));
    m_rejectReason->setAccessibleDescription(
        tr("The standard reason the citizen is told; Enter rejects"));
    m_rejectText->setAccessibleDescription(
        tr("Added to the reason for the citizen; Enter rejects, Shift+Enter starts a new line"));
    m_rejectText->setTabChangesFocus(true);
    m_rejectText->setMaximumHeight(70);
    m_rejectText->installEventFilter(this); // Enter or Ctrl+Enter rejects, Shift+Enter: a new line
    auto *form = new QFormLayout(page);
    form->addRow(tr("R&eason:"), m_rejectReason);
    form->addRow(tr("Comme&nt:"), m_rejectText);
    m_rejectButton =
        actionButton(tr("Reject (R, then Enter)"), "rejectButton", QStringLiteral("reject"));
    m_rejectButton->installEventFilter(this); // Enter on the button does what it says
    form->addRow(m_rejectButton);
    return page;
}

QWidget *ModerationPanel::buildDuplicate()
{
    auto *page = new QWidget(this);
    m_radius = new QSpinBox(page);
    m_radius->setObjectName(QStringLiteral("duplicateRadius"));
    m_radius->setRange(10, 5000);
    m_radius->setSingleStep(50);
    m_radius->setValue(300);
    m_radius->setSuffix(tr(" m"));
    m_radius->setAccessibleName(tr("Within"));
    m_radius->setAccessibleDescription(
        tr("How far from this complaint possible originals are looked for, in metres"));
    m_duplicateSearch = new QLineEdit(page);
    m_duplicateSearch->setObjectName(QStringLiteral("duplicateSearch"));
    m_duplicateSearch->setPlaceholderText(tr("Or search by number, text or address"));
    m_duplicateSearch->setClearButtonEnabled(true);
    m_duplicateSearch->setAccessibleName(tr("Search for the original"));
    m_duplicateSearch->setAccessibleDescription(
        tr("Finds the original by its number, text or address instead of nearby"));
    m_nearby = new QTreeWidget(page);
    m_nearby->setObjectName(QStringLiteral("nearbyList"));
    m_nearby->setAccessibleName(tr("Possible originals"));
    m_nearby->setAccessibleDescription(
        tr("Complaints of this category nearby, nearest first; Enter marks this one a "
           "duplicate of the chosen"));
    m_nearby->setRootIsDecorated(false);
    m_nearby->setHeaderLabels({tr("No."), tr("Distance"), tr("Filed"), tr("Text")});
    m_nearby->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_nearby->header()->setSectionResizeMode(3, QHeaderView::Stretch); // the text, elided
    m_nearby->header()->setStretchLastSection(true);
    m_nearbyNotice = new QLabel(page);
    m_nearbyNotice->setObjectName(QStringLiteral("nearbyNotice"));
    m_nearbyNotice->setWordWrap(true);
    connect(m_radius, &QSpinBox::valueChanged, this, &ModerationPanel::findNearby);
    connect(m_duplicateSearch, &QLineEdit::textChanged, this, &ModerationPanel::findNearby);
    connect(m_nearby, &QTreeWidget::itemActivated, this,
            [this] { Q_EMIT actionRequested(QStringLiteral("mark_duplicate")); });
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Within:"), page));
    row->addWidget(m_radius);
    row->addWidget(m_duplicateSearch, 1);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(row);
    layout->addWidget(m_nearby, 1);
    layout->addWidget(m_nearbyNotice);
    auto *compare = new QPushButton(tr("&Compare (C)"), page);
    compare->setObjectName(QStringLiteral("compareButton"));
    compare->setToolTip(tr("This complaint and the chosen one side by side: text, photos, place "
                           "and dates"));
    connect(compare, &QPushButton::clicked, this, [this] {
        if (const qint64 id = chosenOriginal())
            Q_EMIT compareRequested(id);
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(compare);
    buttons->addWidget(actionButton(tr("Duplicate of the chosen one (D, Enter)"), "duplicateButton",
                                    QStringLiteral("mark_duplicate")),
                       1);
    layout->addLayout(buttons);
    return page;
}

bool ModerationPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && watched == m_returnReason) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            (key->modifiers() & Qt::ControlModifier)) {
            Q_EMIT actionRequested(QStringLiteral("return_to_moderation"));
            return true;
        }
    }
    // On the reject page Enter rejects, from the reason, the comment (where
    // Shift+Enter starts a new line) or the button, and so does Ctrl+Enter.
    if (event->type() == QEvent::KeyPress &&
        (watched == m_rejectReason || watched == m_rejectText || watched == m_rejectButton)) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && !(key->modifiers() & Qt::ShiftModifier)) {
            Q_EMIT actionRequested(QStringLiteral("reject"));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ModerationPanel::fillAgencies(QComboBox *combo)
{
    combo->clear();
    for (const Agency &a : m_catalogue.agencies)
        combo->addItem(a.name, a.id);
}

void ModerationPanel::setCatalogue(const Catalogue &catalogue)
{
    m_catalogue = catalogue;
    m_publishCategory->clear();
    for (const Category &c : catalogue.categories)
        m_publishCategory->addItem(c.name, c.id);
    fillAgencies(m_publishAgency);
    fillAgencies(m_rerouteAgency);
    // The standard reasons are the service's (the catalogue), in its
    // language; without any, the moderator writes the reason.
    m_rejectReason->clear();
    for (const RejectReason &r : catalogue.rejectReasons)
        m_rejectReason->addItem(r.title, r.code);
    if (catalogue.rejectReasons.isEmpty())
        m_rejectReason->addItem(tr("(the service lists no standard reasons: write one)"));
    m_rejectReason->setEnabled(!catalogue.rejectReasons.isEmpty());
    m_rejectText->setPlaceholderText(
        catalogue.rejectReasons.isEmpty()
            ? tr("The reason the citizen reads (at least %1 characters)")
                  .arg(ActionRules::find(QStringLiteral("reject"))
                           ->field(QStringLiteral("reason"))
                           ->minLength)
            : tr("Added to the reason for the citizen (optional)"));
}

void ModerationPanel::suggestAgency()
{
    const Category *category = m_catalogue.category(m_publishCategory->currentData().toInt());
    if (!category || !category->defaultAgencyId)
        return;
    const int index = m_publishAgency->findData(*category->defaultAgencyId);
    if (index >= 0)
        m_publishAgency->setCurrentIndex(index);
}

void ModerationPanel::setComplaint(const std::optional<Complaint> &complaint)
{
    const std::optional<Complaint> previous = m_complaint;
    m_complaint = complaint;
    const QStringList &actions = actionCodes();
    for (int i = 0; i < actions.size(); ++i)
        m_tabs->setTabEnabled(i, allows(actions.at(i)));
    m_nearby->clear();
    if (!complaint)
        return;
    {
        const QSignalBlocker block(m_duplicateSearch);
        m_duplicateSearch->clear();
    }
    m_publishCategory->setCurrentIndex(qMax(0, m_publishCategory->findData(complaint->categoryId)));
    if (complaint->agencyId)
        m_publishAgency->setCurrentIndex(qMax(0, m_publishAgency->findData(*complaint->agencyId)));
    else
        suggestAgency();
    m_rerouteAgency->setCurrentIndex(-1);
    m_rerouteReason->clear();
    m_rejectText->clear();
    // A reason is chosen for each complaint: never the last one's.
    if (!m_catalogue.rejectReasons.isEmpty() && (!previous || previous->id != complaint->id))
        m_rejectReason->setCurrentIndex(-1);
    m_redactText->setPlainText(complaint->text);
    m_redactReason->clear();
    if (!previous || previous->id != complaint->id)
        m_returnReason->clear();
    m_returnEffect->setText(returnEffect());
    const bool another = !previous || previous->id != complaint->id;
    if (another || !m_tabs->isTabEnabled(m_tabs->currentIndex())) {
        for (int i = 0; i < m_tabs->count(); ++i) {
            if (m_tabs->isTabEnabled(i)) {
                m_tabs->setCurrentIndex(i);
                break;
            }
        }
    }
    if (allows(QStringLiteral("mark_duplicate")))
        findNearby();
}

bool ModerationPanel::allows(const QString &action) const
{
    if (!m_complaint)
        return false;
    // The panel is the moderator's; the rules say what applies.
    const Actor moderator{Role::Moderator, std::nullopt};
    return ActionRules::verdict(action, moderator, *m_complaint, m_catalogue.rules) ==
           ActionVerdict::Allowed;
}

double ModerationPanel::radiusMetres() const
{
    return m_radius->value();
}

void ModerationPanel::findNearby()
{
    m_nearby->clear();
    if (!m_complaint)
        return;
    const Complaint &c = *m_complaint;
    QList<NearbyComplaint> found;
    const QString search = m_duplicateSearch->text().trimmed();
    const QGeoCoordinate centre(c.latitude, c.longitude);
    QueueQuery query;
    query.states = {ComplaintState::Moderation, ComplaintState::Published,
                    ComplaintState::InProgress, ComplaintState::Solved,
                    ComplaintState::Refused,    ComplaintState::Confirmed,
                    ComplaintState::Contested};
    if (search.isEmpty()) {
        query.categories = {c.categoryId};
        found = nearestWithin(m_queue.points(boxAround(centre, radiusMetres()), query), centre,
                              radiusMetres(), c.id);
        m_nearbyNotice->setText(
            found.isEmpty()
                ? tr("No complaint of this category within %1 m.").arg(m_radius->value())
                : tr("%n complaint(s) of this category nearby, nearest first.", nullptr,
                     int(found.size())));
    } else {
        bool isNumber = false;
        const qint64 id = search.toLongLong(&isNumber);
        QList<ComplaintPoint> points;
        if (isNumber) {
            if (const auto other = m_store.complaint(id); other && other->id != c.id)
                points.append(ComplaintPoint::of(*other));
        } else {
            query.text = search;
            query.sort = QueueQuery::SortKey::Votes;
            for (const ComplaintRow &row : m_queue.page(query, 0, MaxNearby)) {
                if (row.id == c.id)
                    continue;
                if (const auto other = m_store.complaint(row.id))
                    points.append(ComplaintPoint::of(*other));
            }
        }
        found = nearestWithin(points, centre, std::numeric_limits<double>::max(), c.id);
        m_nearbyNotice->setText(tr("%n complaint(s) found.", nullptr, int(found.size())));
    }
    for (const NearbyComplaint &n : found.mid(0, MaxNearby)) {
        const auto other = m_store.complaint(n.point.id);
        const QString distance = n.metres < 1000 ? tr("%1 m").arg(qRound(n.metres))
                                                 : tr("%1 km").arg(n.metres / 1000.0, 0, 'f', 1);
        // What a moderator recognises a repeat by: the words, then the place.
        auto *item = new QTreeWidgetItem(
            m_nearby, {QString::number(n.point.id), distance,
                       other ? DateText::date(other->createdAt.toLocalTime().date()) : QString(),
                       other ? other->text.simplified() : QString()});
        item->setData(0, Qt::UserRole, n.point.id);
        if (other) {
            const QString tip =
                tr("%1\n%2 · %3")
                    .arg(other->text, other->address, QueueModel::stateName(other->state));
            for (int column = 0; column < 4; ++column)
                item->setToolTip(column, tip);
        }
    }
    if (m_nearby->topLevelItemCount() > 0)
        m_nearby->setCurrentItem(m_nearby->topLevelItem(0));
}

qint64 ModerationPanel::chosenOriginal() const
{
    const QTreeWidgetItem *item = m_nearby->currentItem();
    return item ? item->data(0, Qt::UserRole).toLongLong() : 0;
}

void ModerationPanel::chooseOriginal(qint64 id)
{
    for (int i = 0; i < m_nearby->topLevelItemCount(); ++i) {
        if (m_nearby->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == id) {
            m_nearby->setCurrentItem(m_nearby->topLevelItem(i));
            return;
        }
    }
    // Not among the neighbours shown (found by number elsewhere): look it up.
    m_duplicateSearch->setText(QString::number(id));
}

Parsed<QJsonObject> ModerationPanel::fields(const QString &action) const
{
    const auto fail = [](const QString &message) { return failed<QJsonObject>(message); };
    if (!allows(action))
        return fail(tr("This cannot be done to a complaint in this state."));
    if (action == QLatin1String("publish")) {
        if (m_publishCategory->currentIndex() < 0 || m_publishAgency->currentIndex() < 0)
            return fail(tr("Choose the category and the responsible agency."));
        return succeeded(
            QJsonObject{{QStringLiteral("category_id"), m_publishCategory->currentData().toInt()},
                        {QStringLiteral("agency_id"), m_publishAgency->currentData().toInt()}});
    }
    if (action == QLatin1String("reject")) {
        const QString code = m_rejectReason->currentData().toString();
        const QString comment = m_rejectText->toPlainText().trimmed();
        if (code.isEmpty() && comment.isEmpty() && !m_catalogue.rejectReasons.isEmpty())
            return fail(tr("Choose the reason (↓ in the list), or write one in the comment."));
        QString reason = code.isEmpty() ? comment : m_rejectReason->currentText();
        if (!code.isEmpty() && !comment.isEmpty())
            reason += QStringLiteral(". ") + comment;
        const FieldRule *limits = ActionRules::find(action)->field(QStringLiteral("reason"));
        if (reason.size() < limits->minLength)
            return fail(tr("Write the reason for the citizen: at least %1 characters.")
                            .arg(limits->minLength));
        if (reason.size() > limits->maxLength)
            return fail(
                tr("The reason is too long: at most %1 characters.").arg(limits->maxLength));
        QJsonObject fields{{QStringLiteral("reason"), reason}};
        if (!code.isEmpty())
            fields.insert(QStringLiteral("reason_code"), code);
        return succeeded(fields);
    }
    if (action == QLatin1String("mark_duplicate")) {
        const QTreeWidgetItem *item = m_nearby->currentItem();
        if (!item)
            return fail(tr("Choose the original complaint in the list."));
        return succeeded(QJsonObject{
            {QStringLiteral("duplicate_of"), item->data(0, Qt::UserRole).toLongLong()}});
    }
    if (action == QLatin1String("reroute")) {
        if (m_rerouteAgency->currentIndex() < 0)
            return fail(tr("Choose the new agency."));
        const int agency = m_rerouteAgency->currentData().toInt();
        if (m_complaint->agencyId && *m_complaint->agencyId == agency)
            return fail(tr("The complaint is already with this agency."));
        QJsonObject body{{QStringLiteral("agency_id"), agency}};
        if (!m_rerouteReason->text().trimmed().isEmpty())
            body.insert(QStringLiteral("reason"), m_rerouteReason->text().trimmed());
        return succeeded(body);
    }
    if (action == QLatin1String("redact")) {
        const QString text = m_redactText->toPlainText().trimmed();
        const FieldRule *limits = ActionRules::find(action)->field(QStringLiteral("text"));
        if (text.size() < limits->minLength || text.size() > limits->maxLength)
            return fail(tr("The text to publish must have %1 to %2 characters.")
                            .arg(limits->minLength)
                            .arg(limits->maxLength));
        if (text == m_complaint->text.trimmed())
            return fail(tr("The text is unchanged."));
        QJsonObject body{{QStringLiteral("text"), text}};
        if (!m_redactReason->text().trimmed().isEmpty())
            body.insert(QStringLiteral("reason"), m_redactReason->text().trimmed());
        return succeeded(body);
    }
    if (action == QLatin1String("return_to_moderation")) {
        const QString reason = m_returnReason->toPlainText().trimmed();
        const FieldRule *limits = ActionRules::find(action)->field(QStringLiteral("reason"));
        if (reason.size() < limits->minLength || reason.size() > limits->maxLength)
            return fail(tr("Write why the decision is taken back: %1 to %2 characters.")
                            .arg(limits->minLength)
                            .arg(limits->maxLength));
        return succeeded(QJsonObject{{QStringLiteral("reason"), reason}});
    }
    return fail(tr("Unknown action."));
}

void ModerationPanel::focusAction(const QString &action)
{
    const int index = int(actionCodes().indexOf(action));
    if (index < 0)
        return;
    m_tabs->setCurrentIndex(index);
    if (action == QLatin1String("reject"))
        m_rejectReason->setFocus(Qt::ShortcutFocusReason);
    else if (action == QLatin1String("mark_duplicate"))
        m_nearby->setFocus(Qt::ShortcutFocusReason);
    else if (action == QLatin1String("reroute"))
        m_rerouteAgency->setFocus(Qt::ShortcutFocusReason);
    else if (action == QLatin1String("redact"))
        m_redactText->setFocus(Qt::ShortcutFocusReason);
    else if (action == QLatin1String("return_to_moderation"))
        m_returnReason->setFocus(Qt::ShortcutFocusReason);
    else
        m_publishCategory->setFocus(Qt::ShortcutFocusReason);
}

} // namespace rd
