// AnswerEditor's behaviour: the kinds of answer allowed, the draft kept
// and saved, validation, sending and evidence (AnswerEditorForm.cpp builds
// its widgets).

#include "AnswerEditor.h"
#include "AnswerTemplates.h"
#include "DateText.h"
#include "Deadlines.h"

#include "DeskClient.h"
#include "DraftStore.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>

namespace rd {

namespace {

void showError(QLabel *label, const QString &message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

constexpr int MaxEvidencePhotos = 10;

} // namespace

void AnswerEditor::setCatalogue(const Catalogue &catalogue)
{
    m_catalogue = catalogue;
    const QSignalBlocker block(m_ground);
    m_ground->clear();
    m_ground->addItem(tr("Choose the ground…"));
    for (const RefusalGround &g : catalogue.refusalGrounds)
        m_ground->addItem(g.title, g.code);
}

void AnswerEditor::setActor(const Actor &actor)
{
    m_actor = actor;
    setComplaint(m_complaint);
}

void AnswerEditor::setToday(const QDate &today)
{
    m_today = today;
}

void AnswerEditor::setAutosaveDelay(int ms)
{
    m_autosave->setInterval(ms);
}

QStringList AnswerEditor::allowedKinds() const
{
    QStringList kinds;
    if (!m_complaint)
        return kinds;
    // The answers and the note the rules allow this user now (moderation
    // decisions are the moderation panel's).
    for (const QString &code :
         ActionRules::allowedActions(m_actor, *m_complaint, m_catalogue.rules)) {
        if (ActionRules::find(code)->kind != ActionRule::Kind::Moderation)
            kinds << code;
    }
    return kinds;
}

void AnswerEditor::setComplaint(const std::optional<Complaint> &complaint)
{
    if (m_dirty)
        saveNow();
    m_complaint = complaint;
    m_loading = true;
    clearErrors();
    m_photoIds.clear();
    m_evidence->clear();
    m_insertedTemplate.clear();
    m_dateMarks.clear();
    m_filledDate.clear();
    m_draftStatus->clear();
    {
        const QSignalBlocker block(m_kind);
        m_kind->clear();
        static const QHash<QString, const char *> names{
            {QStringLiteral("set_deadline"), QT_TR_NOOP("Resolution deadline")},
            {QStringLiteral("extend_deadline"), QT_TR_NOOP("Extend the deadline")},
            {QStringLiteral("solve"), QT_TR_NOOP("Problem solved")},
            {QStringLiteral("refuse"), QT_TR_NOOP("Reasoned refusal")},
            {QStringLiteral("note"), QT_TR_NOOP("Internal note (staff only)")},
        };
        for (const QString &k : allowedKinds())
            m_kind->addItem(tr(names.value(k)), k);
    }
    setEnabled(complaint.has_value());
    m_text->clear();
    m_baseVersion = complaint ? complaint->version : 0;
    std::optional<Draft> draft;
    if (complaint)
        draft = m_drafts.draft(complaint->id);
    m_kind->setCurrentIndex(0);
    // No date carried over from the complaint shown before: until one is
    // chosen (or a draft has one) the field says so, and sending asks.
    m_deadline->setMinimumDate(QDate(2000, 1, 1));
    m_deadline->setDate(m_deadline->minimumDate());
    if (draft && m_kind->findData(draft->kind) >= 0)
        loadDraft(*draft);
    kindChanged();
    m_loading = false;
    m_dirty = false;
    updateCounter();
}

void AnswerEditor::loadDraft(const Draft &draft)
{
    m_kind->setCurrentIndex(m_kind->findData(draft.kind));
    m_ground->setCurrentIndex(qMax(0, m_ground->findData(draft.refusalGround)));
    if (draft.deadline.isValid())
        m_deadline->setDate(draft.deadline);
    m_text->setPlainText(draft.text);
    m_baseVersion = draft.baseVersion > 0 ? draft.baseVersion : m_baseVersion;
    for (const QString &id : draft.photoIds) {
        m_photoIds.append(id);
        auto *item = new QListWidgetItem(tr("photo"), m_evidence);
        item->setData(Qt::UserRole, id);
        item->setToolTip(tr("Evidence photo %1").arg(id));
        Q_EMIT photoWanted(id); // its thumbnail, from the photo cache or the server
    }
    m_draftStatus->setText(tr("Draft of %1").arg(DateText::dateTime(draft.updatedAt)));
    const QJsonObject errors = QJsonDocument::fromJson(draft.fieldErrors).object();
    if (!errors.isEmpty())
        showErrors(errors);
}

QString AnswerEditor::kind() const
{
    return m_kind->currentData().toString();
}

void AnswerEditor::setKind(const QString &action)
{
    const int index = m_kind->findData(action);
    if (index >= 0)
        m_kind->setCurrentIndex(index);
}

void AnswerEditor::kindChanged()
{
    const QString k = kind();
    const bool refuse = k == QLatin1String("refuse");
    const bool deadline =
        k == QLatin1String("set_deadline") || k == QLatin1String("extend_deadline");
    const bool solve = k == QLatin1String("solve");
    m_groundLabel->setVisible(refuse);
    m_ground->setVisible(refuse);
    m_legalBasis->setVisible(refuse && !m_legalBasis->text().isEmpty());
    m_deadlineLabel->setVisible(deadline);
    m_deadline->setVisible(deadline);
    m_evidenceLabel->setVisible(solve);
    m_evidence->setVisible(solve);
    m_attach->setVisible(solve);
    m_removeEvidence->setVisible(solve);
    const DeadlineRules &rules = m_catalogue.rules;
    if (k == QLatin1String("set_deadline")) {
        // The day before the first allowed one stands for "not chosen".
        m_deadline->setDateRange(m_today.addDays(-1), m_today.addDays(rules.maxResolutionDays));
        m_kindHint->setText(tr("The date the problem will be fixed by (at most %n day(s) from "
                               "today) and the plan.",
                               nullptr, rules.maxResolutionDays));
    } else if (k == QLatin1String("extend_deadline") && m_complaint) {
        const QDate current = m_complaint->answerDeadline;
        const QDate latest = Deadlines::latestExtension(current, m_catalogue);
        m_deadline->setDateRange(current, latest);
        m_kindHint->setText(tr("Once only: a later date (at most %1 after %2, so by %3) and the "
                               "reason.")
                                .arg(Deadlines::termText(rules.maxExtensionDays, rules.dayCount),
                                     DateText::date(current), DateText::date(latest)));
    } else if (refuse) {
        m_kindHint->setText(tr("Choose the legal ground; its template is inserted for you to "
                               "complete. At least %n character(s) of reasoning.",
                               nullptr, rules.minRefusalLength));
    } else if (solve) {
        m_kindHint->setText(tr("What was done; attach photos of the result (JPEG or PNG, up to "
                               "5 MB, at most %1).")
                                .arg(MaxEvidencePhotos));
    } else {
        m_kindHint->setText(tr("Seen by staff only, never by the citizen."));
    }
    clearErrors();
    edited();
}

void AnswerEditor::groundChanged()
{
    const QString code = m_ground->currentData().toString();
    m_legalBasis->clear();
    for (const RefusalGround &g : m_catalogue.refusalGrounds) {
        if (g.code != code)
            continue;
        if (!g.legalBasis.isEmpty())
            m_legalBasis->setText(tr("Legal basis: %1").arg(g.legalBasis));
        const QString current = m_text->toPlainText();
        if (!m_loading && (current.trimmed().isEmpty() || current == m_insertedTemplate)) {
            m_text->setPlainText(g.templateText);
            m_insertedTemplate = g.templateText;
            QTextCursor cursor = m_text->textCursor();
            cursor.movePosition(QTextCursor::End);
            m_text->setTextCursor(cursor);
        }
    }
    m_legalBasis->setVisible(m_ground->isVisible() && !m_legalBasis->text().isEmpty());
    edited();
}

void AnswerEditor::edited()
{
    if (m_loading || !m_complaint)
        return;
    m_dirty = true;
    m_draftStatus->setText(tr("Editing…"));
    m_autosave->start();
}

void AnswerEditor::updateCounter()
{
    const int length = int(m_text->toPlainText().trimmed().size());
    // The editor's text is the action's "text", or an extension's "reason".
    const ActionRule *rule = ActionRules::find(kind());
    const FieldRule *field = !rule ? nullptr
                             : rule->field(QStringLiteral("text"))
                                 ? rule->field(QStringLiteral("text"))
                                 : rule->field(QStringLiteral("reason"));
    const int minimum = field ? field->minimum(m_catalogue.rules) : 1;
    m_counter->setText(length < minimum ? tr("%1 of at least %2").arg(length).arg(minimum)
                                        : QString::number(length));
}

bool AnswerEditor::hasUnsavedChanges() const
{
    return m_dirty;
}

Draft AnswerEditor::currentDraft() const
{
    Draft d;
    d.complaintId = m_complaint ? m_complaint->id : 0;
    d.kind = kind();
    d.text = m_text->toPlainText();
    if ((m_deadline->isVisible() || d.kind.contains(QLatin1String("deadline"))) &&
        m_deadline->date() != m_deadline->minimumDate()) // the minimum: none chosen
        d.deadline = m_deadline->date();
    if (d.kind == QLatin1String("refuse"))
        d.refusalGround = m_ground->currentData().toString();
    d.baseVersion = m_baseVersion;
    d.updatedAt = now();
    d.photoIds = m_photoIds;
    return d;
}

void AnswerEditor::saveNow()
{
    m_autosave->stop();
    if (!m_dirty || !m_complaint || kind().isEmpty())
        return;
    const Draft d = currentDraft();
    const bool empty =
        d.text.trimmed().isEmpty() && d.photoIds.isEmpty() && (d.refusalGround.isEmpty());
    try {
        if (empty)
            m_drafts.discard(d.complaintId); // nothing typed is not a draft
        else
            m_drafts.save(d);
    } catch (const std::exception &e) {
        showError(m_formError,
                  tr("The draft could not be saved: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    m_dirty = false;
    m_draftStatus->setText(
        empty ? QString()
              : tr("Draft saved at %1").arg(DateText::time(d.updatedAt.toLocalTime().time())));
    Q_EMIT draftChanged(d.complaintId);
}

void AnswerEditor::clearErrors()
{
    for (QLabel *label : {m_textError, m_deadlineError, m_groundError, m_formError})
        showError(label, {});
}

void AnswerEditor::showErrors(const QJsonObject &errors)
{
    for (auto it = errors.begin(); it != errors.end(); ++it) {
        const QString message = it.value().toString();
        if (it.key() == QLatin1String("text") || it.key() == QLatin1String("reason"))
            showError(m_textError, message);
        else if (it.key() == QLatin1String("deadline"))
            showError(m_deadlineError, message);
        else if (it.key() == QLatin1String("ground"))
            showError(m_groundError, message);
        else
            showError(m_formError, it.key() == QLatin1String("_")
                                       ? tr("The server refused the last attempt: %1").arg(message)
                                       : QStringLiteral("%1: %2").arg(it.key(), message));
    }
}

std::optional<QJsonObject> AnswerEditor::validate()
{
    clearErrors();
    if (!m_complaint)
        return std::nullopt;
    fillChosenDate(); // the date as it is now, whatever was typed last
    const QString k = kind();
    const QString text = m_text->toPlainText().trimmed();
    const DeadlineRules &rules = m_catalogue.rules;
    QJsonObject errors;
    QJsonObject body;
    // The text's limits are the action's (ActionRules), the messages ours.
    const auto needText = [&](const char *field) {
        const FieldRule *limits = ActionRules::find(k)->field(QString::fromLatin1(field));
        const int minimum = limits->minimum(rules);
        const int maximum = limits->maxLength;
        if (text.size() < minimum)
            errors.insert(
                QStringLiteral("text"),
                tr("Too short: %1 character(s); at least %2.").arg(text.size()).arg(minimum));
        else if (text.size() > maximum)
            errors.insert(QStringLiteral("text"),
                          tr("Too long: %1 characters; at most %2.").arg(text.size()).arg(maximum));
        // A template's placeholder nobody filled in is never sent as "{…}".
        if (const QStringList left = AnswerTemplates::left(text);
            !left.isEmpty() && !errors.contains(QStringLiteral("text")))
            errors.insert(QStringLiteral("text"),
                          tr("Fill in %1: the template's placeholder could not be filled in "
                             "and is never sent as it is.")
                              .arg(left.join(QStringLiteral(", "))));
        body.insert(QString::fromLatin1(field), text);
    };
    const QDate date = m_deadline->date();
    if (k == QLatin1String("set_deadline")) {
        if (date < m_today || date > m_today.addDays(rules.maxResolutionDays))
            errors.insert(QStringLiteral("deadline"),
                          tr("Choose a date from today to %1.")
                              .arg(DateText::date(m_today.addDays(rules.maxResolutionDays))));
        body.insert(QStringLiteral("deadline"), date.toString(Qt::ISODate));
        needText("text");
    } else if (k == QLatin1String("extend_deadline")) {
        const QDate current = m_complaint->answerDeadline;
        const QDate latest = Deadlines::latestExtension(current, m_catalogue);
        if (date <= current || date > latest)
            errors.insert(QStringLiteral("deadline"),
                          tr("Choose a date after %1, at most %2.")
                              .arg(DateText::date(current), DateText::date(latest)));
        body.insert(QStringLiteral("deadline"), date.toString(Qt::ISODate));
        needText("reason");
    } else if (k == QLatin1String("solve")) {
        needText("text");
        if (!m_photoIds.isEmpty()) {
            QJsonArray ids;
            for (const QString &id : m_photoIds)
                ids.append(id);
            body.insert(QStringLiteral("photo_ids"), ids);
        }
    } else if (k == QLatin1String("refuse")) {
        const QString ground = m_ground->currentData().toString();
        if (ground.isEmpty())
            errors.insert(QStringLiteral("ground"), tr("Choose the ground for the refusal."));
        body.insert(QStringLiteral("ground"), ground);
        needText("text");
        if (!m_insertedTemplate.isEmpty() && text == m_insertedTemplate.trimmed())
            errors.insert(QStringLiteral("text"),
                          tr("Complete the template with the reasons for this complaint."));
    } else if (k == QLatin1String("note")) {
        needText("text");
    } else {
        errors.insert(QStringLiteral("_form"), tr("Nothing can be sent for this complaint now."));
    }
    if (!errors.isEmpty()) {
        showErrors(errors);
        if (errors.contains(QStringLiteral("ground")))
            m_ground->setFocus();
        else if (errors.contains(QStringLiteral("deadline")))
            m_deadline->setFocus();
        else
            m_text->setFocus();
        return std::nullopt;
    }
    return body;
}

void AnswerEditor::send()
{
    if (!m_complaint || !isEnabled())
        return;
    const auto body = validate();
    if (!body)
        return;
    m_autosave->stop();
    m_dirty = false;
    const qint64 id = m_complaint->id;
    Q_EMIT sendRequested(id, kind(), *body, m_baseVersion);
}

void AnswerEditor::discard()
{
    if (!m_complaint)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Discard the draft"),
        tr("Discard your draft for complaint No. %1? This cannot be undone.").arg(m_complaint->id),
        QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Discard)
        return;
    m_autosave->stop();
    m_dirty = false;
    m_drafts.discard(m_complaint->id);
    const qint64 id = m_complaint->id;
    setComplaint(m_complaint);
    Q_EMIT draftChanged(id);
}

void AnswerEditor::attachPhotos()
{
    if (!m_complaint)
        return;
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Attach evidence photos"), evidenceFolder(), tr("Photos (*.jpg *.jpeg *.png)"));
    if (!files.isEmpty())
        m_evidenceFolder = QFileInfo(files.constFirst()).absolutePath();
    for (const QString &path : files) {
        if (m_evidence->count() >= MaxEvidencePhotos) { // uploaded and uploading
            showError(m_formError, tr("At most %1 photos.").arg(MaxEvidencePhotos));
            break;
        }
        const auto evidence = DeskClient::checkEvidence(path);
        if (!evidence) {
            showError(m_formError, evidence.error.toString());
            continue;
        }
        auto *item = new QListWidgetItem(tr("uploading…"), m_evidence);
        item->setData(Qt::UserRole + 1, path);
        item->setToolTip(QFileInfo(path).fileName());
        item->setIcon(thumbnail(QImage::fromData(evidence.value->bytes)));
        Q_EMIT evidenceWanted(m_complaint->id, path);
    }
}

void AnswerEditor::evidenceUploaded(const Photo &photo, const QString &path)
{
    if (!m_complaint || photo.complaintId != m_complaint->id)
        return;
    for (int i = 0; i < m_evidence->count(); ++i) {
        QListWidgetItem *item = m_evidence->item(i);
        if (item->data(Qt::UserRole + 1).toString() == path && item->data(Qt::UserRole).isNull()) {
            item->setText(QFileInfo(path).fileName());
            item->setData(Qt::UserRole, photo.id);
            item->setToolTip(path);
            m_photoIds.append(photo.id);
            m_dirty = true;
            saveNow();
            return;
        }
    }
}

QString AnswerEditor::evidenceFolder() const
{
    // A folder that exists: given one that does not, the file dialog takes
    // its last part for a file name and shows it in the name field.
    for (const QString &folder :
         {m_evidenceFolder, QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)}) {
        if (!folder.isEmpty() && QFileInfo(folder).isDir())
            return folder;
    }
    return QDir::homePath();
}

QIcon AnswerEditor::thumbnail(const QImage &image) const
{
    if (image.isNull())
        return {};
    const qreal dpr = devicePixelRatioF();
    QPixmap pixmap = QPixmap::fromImage(
        image.scaled(m_evidence->iconSize() * dpr, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    pixmap.setDevicePixelRatio(dpr);
    return QIcon(pixmap);
}

void AnswerEditor::setPhoto(const QString &photoId, const QImage &image)
{
    for (int i = 0; i < m_evidence->count(); ++i) {
        QListWidgetItem *item = m_evidence->item(i);
        if (item->data(Qt::UserRole).toString() == photoId && !image.isNull())
            item->setIcon(thumbnail(image));
    }
}

void AnswerEditor::evidenceFailed(const QString &path, const QString &message)
{
    for (int i = 0; i < m_evidence->count(); ++i) {
        QListWidgetItem *item = m_evidence->item(i);
        if (item->data(Qt::UserRole + 1).toString() == path && item->data(Qt::UserRole).isNull()) {
            delete m_evidence->takeItem(i);
            break;
        }
    }
    showError(m_formError, message);
}

} // namespace rd
