#include "ComplaintView.h"
#include "DateText.h"

#include "FlowLayout.h"
#include "MapWidget.h"
#include "QueueModel.h"
#include "Theme.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace rd {

namespace {

QLabel *valueLabel(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QString shortened(const QString &text, int length = 80)
{
    QString flat = text.simplified();
    return flat.size() > length ? flat.left(length - 1) + QChar(0x2026) : flat;
}

} // namespace

ComplaintView::ComplaintView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("complaintView"));
    createHeading();
    createFields();
    buildForm();
    createText();
    createPictures();
    createHistory();
    buildLayout();
    showComplaint(std::nullopt, {}, {});
}

void ComplaintView::createHeading()
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("complaintTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_localWork = new QLabel(this);
    m_localWork->setObjectName(QStringLiteral("localWorkNotice"));
    m_localWork->setWordWrap(true);
    m_localWork->setVisible(false);
}

void ComplaintView::createFields()
{
    m_category = valueLabel(this, "categoryValue");
    m_agency = valueLabel(this, "agencyValue");
    m_district = valueLabel(this, "districtValue");
    m_address = valueLabel(this, "addressValue");
    m_filed = valueLabel(this, "filedValue");
    m_due = valueLabel(this, "dueValue");
    m_votes = valueLabel(this, "votesValue");
    m_author = valueLabel(this, "authorValue");
    m_answer = valueLabel(this, "answerValue");
    m_outcome = valueLabel(this, "outcomeValue");
    m_showOnMap = new QPushButton(tr("Show on &map"), this);
    m_showOnMap->setObjectName(QStringLiteral("showOnMapButton"));
    m_showOnMap->setAccessibleDescription(tr("Opens the map at this complaint's place"));
    connect(m_showOnMap, &QPushButton::clicked, this, [this] { Q_EMIT showOnMapRequested(m_id); });
}

void ComplaintView::buildForm()
{
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    // showComplaint() hides rows 7 (author), 8 (answer) and 9 (outcome) by number.
    m_form->addRow(tr("Category:"), m_category);
    m_form->addRow(tr("Agency:"), m_agency);
    m_form->addRow(tr("District:"), m_district);
    m_form->addRow(tr("Address:"), m_address);
    m_form->addRow(tr("Filed:"), m_filed);
    m_form->addRow(tr("Answer due:"), m_due);
    m_form->addRow(tr("Votes:"), m_votes);
    m_form->addRow(tr("Author:"), m_author);
    m_form->addRow(tr("Answer:"), m_answer);
    m_form->addRow(tr("Outcome:"), m_outcome);
}

void ComplaintView::createText()
{
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("complaintText"));
    m_text->setReadOnly(true);
    m_text->setAccessibleName(tr("Complaint text (read-only)"));
    m_text->setAccessibleDescription(tr("What the citizen wrote, as published"));
    m_text->setBackgroundRole(QPalette::Window); // read-only looks read-only
    m_text->setFrameShape(QFrame::StyledPanel);
}

void ComplaintView::createPictures()
{
    // The small map of the place and the photos, in one strip that wraps
    // onto more lines when the pane is narrow (never wider than the pane).
    m_photoStrip = new QWidget(this);
    m_photoStrip->setObjectName(QStringLiteral("photoStrip"));
    m_photoLayout = new FlowLayout(m_photoStrip);
    m_photoLayout->setContentsMargins(0, 0, 0, 0);
    // A small map of the place, drawn by the desk map's own code; a click
    // opens it on the big map (the button above does the same by keyboard).
    m_thumbnail = new MapWidget(nullptr, m_photoStrip);
    m_thumbnail->setObjectName(QStringLiteral("complaintThumbnailMap"));
    m_thumbnail->setThumbnail(true);
    m_thumbnail->setFixedSize(180, 120);
    m_thumbnail->setToolTip(tr("Click to show it on the map"));
    m_photoLayout->addWidget(m_thumbnail);
    // Beside the small map (a long address wraps in its row, undisturbed).
    m_showOnMap->setParent(m_photoStrip);
    m_photoLayout->addWidget(m_showOnMap);
    connect(m_thumbnail, &MapWidget::clicked, this, [this] { Q_EMIT showOnMapRequested(m_id); });
}

void ComplaintView::createHistory()
{
    m_historyNotice = new QLabel(this);
    m_historyNotice->setObjectName(QStringLiteral("historyNotice"));
    m_historyNotice->setWordWrap(true);
    m_historyNotice->setVisible(false);
    m_history = new QTreeWidget(this);
    m_history->setObjectName(QStringLiteral("historyTree"));
    m_history->setAccessibleName(tr("History"));
    m_history->setAccessibleDescription(
        tr("Everything done to the complaint, oldest first: when, who, what; a changed text "
           "opens to show before and after"));
    m_history->setHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Details")});
    m_history->setRootIsDecorated(true);
    m_history->setUniformRowHeights(false);
    m_history->setWordWrap(true);
    // The details take what is left (elided; the whole text in the tooltip),
    // so the history never needs scrolling sideways in a narrow pane.
    m_history->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->header()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_history->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_history->header()->setStretchLastSection(true);
    m_history->setMinimumHeight(90);
}

void ComplaintView::buildLayout()
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_localWork);
    layout->addLayout(m_form);
    layout->addWidget(m_text);
    layout->addWidget(m_photoStrip);
    auto *historyLabel = new QLabel(tr("History"), this);
    QFont bold = historyLabel->font();
    bold.setBold(true);
    historyLabel->setFont(bold);
    layout->addWidget(historyLabel);
    layout->addWidget(m_historyNotice);
    layout->addWidget(m_history, 1);
}

void ComplaintView::setGeography(const Geography &geography)
{
    m_thumbnail->setGeography(geography);
}

void ComplaintView::setTileSource(TileSource *tiles)
{
    m_thumbnail->setTileSource(tiles);
}

QString ComplaintView::categoryName(int id) const
{
    const Category *category = m_catalogue.category(id);
    return category ? category->name : tr("Category %1").arg(id);
}

QString ComplaintView::agencyName(std::optional<int> id) const
{
    if (!id)
        return tr("not yet assigned");
    const Agency *agency = m_catalogue.agency(*id);
    return agency ? agency->name : tr("Agency %1").arg(*id);
}

QString ComplaintView::districtName(std::optional<int> id) const
{
    const District *district = id ? m_catalogue.district(*id) : nullptr;
    return district ? district->name : tr("not known");
}

QString ComplaintView::actionName(const QString &code)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("file"), QT_TR_NOOP("filed")},
        {QStringLiteral("publish"), QT_TR_NOOP("published")},
        {QStringLiteral("reject"), QT_TR_NOOP("rejected")},
        {QStringLiteral("mark_duplicate"), QT_TR_NOOP("marked as duplicate")},
        {QStringLiteral("reroute"), QT_TR_NOOP("re-routed")},
        {QStringLiteral("redact"), QT_TR_NOOP("text edited for publication")},
        {QStringLiteral("return_to_moderation"), QT_TR_NOOP("returned to moderation")},
        {QStringLiteral("set_deadline"), QT_TR_NOOP("resolution deadline set")},
        {QStringLiteral("extend_deadline"), QT_TR_NOOP("deadline extended")},
        {QStringLiteral("solve"), QT_TR_NOOP("solved")},
        {QStringLiteral("refuse"), QT_TR_NOOP("refused with reasons")},
        {QStringLiteral("note"), QT_TR_NOOP("internal note")},
        {QStringLiteral("confirm"), QT_TR_NOOP("fix confirmed by the citizen")},
        {QStringLiteral("contest"), QT_TR_NOOP("fix contested by the citizen")},
        {QStringLiteral("vote"), QT_TR_NOOP("vote")},
    };
    const char *name = names.value(code);
    return name ? tr(name) : code;
}

void ComplaintView::showComplaint(const std::optional<Complaint> &complaint,
                                  const QList<Photo> &photos, const QList<HistoryEntry> &history,
                                  const QString &localWork)
{
    qDeleteAll(m_photoButtons);
    m_photoButtons.clear();
    m_photoImages.clear();
    m_localWork->setText(localWork);
    m_localWork->setVisible(!localWork.isEmpty());
    m_historyNotice->setVisible(false);
    const bool has = complaint.has_value();
    for (QWidget *w : std::initializer_list<QWidget *>{m_text, m_showOnMap, m_history, m_photoStrip,
                                                       m_thumbnail})
        w->setVisible(has);
    for (int row = 0; row < m_form->rowCount(); ++row)
        m_form->setRowVisible(row, has);
    if (!has) {
        m_id = 0;
        m_title->setText(tr("No complaint chosen. Pick one in the queue (arrow keys, J and K)."));
        m_history->clear();
        return;
    }
    const Complaint &c = *complaint;
    m_id = c.id;
    const bool overdue = isAnswerOverdue(c.state, c.dueDate, m_today);
    m_thumbnail->setPoints({{ComplaintPoint::of(c), overdue}});
    m_thumbnail->setView(c.latitude, c.longitude, 16.0);
    m_title->setText(tr("No. %1 · %2").arg(c.id).arg(QueueModel::stateName(c.state)));
    showFields(c, overdue);
    m_text->setPlainText(c.text);
    fitTextHeight();
    showPhotos(photos);
    setHistory(history);
}

void ComplaintView::fitTextHeight()
{
    // As tall as the text (a short complaint leaves room for the photos and
    // the history), from three lines up to 160 px, then it scrolls.
    const QFontMetrics metrics(m_text->font());
    const int width = qMax(100, m_text->viewport()->width());
    const QRect needed = metrics.boundingRect(QRect(0, 0, width - 8, 100000), Qt::TextWordWrap,
                                              m_text->toPlainText());
    const int frame = 2 * m_text->frameWidth() + int(2 * m_text->document()->documentMargin());
    const int height =
        std::clamp(needed.height() + frame + 4, 3 * metrics.lineSpacing() + frame, 160);
    m_text->setFixedHeight(height);
}

void ComplaintView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_text->isVisible())
        fitTextHeight();
}

void ComplaintView::showFields(const Complaint &c, bool overdue)
{
    m_category->setText(categoryName(c.categoryId));
    m_agency->setText(agencyName(c.agencyId));
    m_district->setText(districtName(c.districtId));
    m_address->setText(c.address);
    const QDate filed = c.createdAt.toLocalTime().date();
    m_filed->setText(tr("%1 (%n day(s) ago)", nullptr, int(filed.daysTo(m_today)))
                         .arg(DateText::dateTime(c.createdAt)));
    showDue(c, overdue);
    m_votes->setText(QString::number(c.votes));
    m_form->setRowVisible(7, !c.authorName.isEmpty());
    QStringList author{c.authorName};
    if (!c.authorEmail.isEmpty())
        author << c.authorEmail;
    if (!c.authorPhone.isEmpty())
        author << c.authorPhone;
    m_author->setText(author.join(QStringLiteral(", ")));
    const QString answer = answerText(c);
    m_form->setRowVisible(8, !answer.isEmpty());
    m_answer->setText(answer);
    const QString outcome = outcomeText(c);
    m_form->setRowVisible(9, !outcome.isEmpty());
    m_outcome->setText(outcome);
}

void ComplaintView::showDue(const Complaint &c, bool overdue)
{
    QString due = c.dueDate.isValid() ? DateText::longDate(c.dueDate) : tr("set when published");
    if (overdue)
        due += QStringLiteral(" — ") +
               tr("overdue by %n day(s)", nullptr, int(c.dueDate.daysTo(m_today)));
    setTone(m_due, overdue ? Tone::Alert : Tone::Normal);
    m_due->setText(due);
}

QString ComplaintView::answerText(const Complaint &c) const
{
    QString answer;
    switch (c.answerKind) {
    case AnswerKind::None:
        break;
    case AnswerKind::Solved:
        answer = tr("Solved: %1").arg(c.answerText);
        break;
    case AnswerKind::Deadline:
        answer =
            tr("To be fixed by %1: %2").arg(DateText::longDate(c.answerDeadline), c.answerText);
        if (c.deadlineExtended)
            answer += QLatin1Char('\n') + tr("Extended: %1").arg(c.extensionReason);
        break;
    case AnswerKind::Refusal:
        answer = tr("Refused (%1): %2").arg(c.refusalGround, c.answerText);
        break;
    }
    return answer;
}

QString ComplaintView::outcomeText(const Complaint &c) const
{
    QStringList outcome;
    if (c.duplicateOf)
        outcome << tr("Duplicate of No. %1").arg(*c.duplicateOf);
    if (!c.rejectReason.isEmpty())
        outcome << tr("Rejected: %1").arg(c.rejectReason);
    if (!c.citizenFeedback.isEmpty())
        outcome << tr("Citizen: %1").arg(c.citizenFeedback);
    return outcome.join(QLatin1Char('\n'));
}

void ComplaintView::showPhotos(const QList<Photo> &photos)
{
    QWidget *previous = m_text; // the tab order: the text, the photos, the history
    for (const Photo &p : photos) {
        auto *button = new QPushButton(m_photoStrip);
        button->setObjectName(QStringLiteral("photo_") + p.id);
        button->setFixedSize(96, 72);
        button->setIconSize(QSize(88, 64));
        button->setText(p.evidence ? tr("evidence") : tr("photo"));
        button->setToolTip(tr("Open the photo (%1 × %2)").arg(p.width).arg(p.height));
        button->setAccessibleName(tr("Photo %1").arg(p.id));
        connect(button, &QPushButton::clicked, this, [this, id = p.id] { openPhoto(id); });
        m_photoLayout->addWidget(button);
        setTabOrder(previous, button);
        previous = button;
        m_photoButtons.insert(p.id, button);
        Q_EMIT photoWanted(p.id);
    }
}

QString ComplaintView::shownValue(const QString &action, const QString &value)
{
    // A return to moderation records the states it moved between.
    if (action == QLatin1String("return_to_moderation"))
        if (const auto state = complaintStateFromCode(value))
            return QueueModel::stateName(*state);
    return value;
}

void ComplaintView::setHistory(const QList<HistoryEntry> &history)
{
    m_history->clear();
    for (const HistoryEntry &e : history) {
        QString details = e.comment;
        if (e.action == QLatin1String("redact") || !e.oldValue.isEmpty()) {
            if (details.isEmpty())
                details = tr("before: «%1» → after: «%2»")
                              .arg(shortened(e.oldValue, 40), shortened(e.newValue, 40));
        } else if (details.isEmpty()) {
            details = shortened(e.newValue);
        }
        // The server leaves the citizen's name out for those who may not see it.
        const QString actor = e.actor.isEmpty() ? tr("the applicant") : e.actor;
        auto *item = new QTreeWidgetItem(
            m_history, {DateText::dateTime(e.at), actor, actionName(e.action), details});
        item->setToolTip(3, e.newValue.isEmpty() ? e.comment : e.newValue);
        if (!e.oldValue.isEmpty()) {
            auto *before = new QTreeWidgetItem(
                item, {QString(), QString(), tr("before"), shownValue(e.action, e.oldValue)});
            auto *after = new QTreeWidgetItem(
                item, {QString(), QString(), tr("after"), shownValue(e.action, e.newValue)});
            before->setToolTip(3, e.oldValue);
            after->setToolTip(3, e.newValue);
            item->setExpanded(true);
        }
    }
    // Who: as wide as the names, but never more than a quarter of the width.
    m_history->resizeColumnToContents(1);
    m_history->setColumnWidth(
        1, qMin(m_history->columnWidth(1), qMax(80, m_history->viewport()->width() / 4)));
    if (history.isEmpty())
        setHistoryNotice(tr("The history is loaded from the server when you are online."));
}

void ComplaintView::setHistoryNotice(const QString &notice)
{
    m_historyNotice->setText(notice);
    m_historyNotice->setVisible(!notice.isEmpty());
}

void ComplaintView::setPhoto(const QString &photoId, const QImage &image)
{
    QPushButton *button = m_photoButtons.value(photoId);
    if (!button || image.isNull())
        return;
    m_photoImages.insert(photoId, image);
    const qreal dpr = devicePixelRatioF();
    QPixmap pixmap = QPixmap::fromImage(
        image.scaled(QSize(88, 64) * dpr, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    pixmap.setDevicePixelRatio(dpr);
    button->setIcon(pixmap);
    button->setText({});
}

void ComplaintView::setPhotoFailed(const QString &photoId, const QString &message)
{
    if (QPushButton *button = m_photoButtons.value(photoId)) {
        button->setText(tr("not available"));
        button->setToolTip(message);
    }
}

void ComplaintView::requestMissingPhotos()
{
    for (auto it = m_photoButtons.cbegin(); it != m_photoButtons.cend(); ++it) {
        if (!m_photoImages.contains(it.key())) {
            it.value()->setText(tr("photo"));
            Q_EMIT photoWanted(it.key());
        }
    }
}

void ComplaintView::openPhoto(const QString &photoId)
{
    const QImage image = m_photoImages.value(photoId);
    if (image.isNull()) {
        Q_EMIT photoWanted(photoId);
        return;
    }
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("photoDialog"));
    dialog.setWindowTitle(tr("Photo of complaint No. %1").arg(m_id));
    auto *area = new QScrollArea(&dialog);
    auto *label = new QLabel(area);
    const QSize fit = image.size().boundedTo(QSize(1200, 800));
    label->setPixmap(
        QPixmap::fromImage(image.scaled(fit, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    area->setWidget(label);
    area->setWidgetResizable(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(area);
    layout->addWidget(buttons);
    dialog.resize(fit + QSize(40, 80));
    dialog.exec();
}

} // namespace rd
