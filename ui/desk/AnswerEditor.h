#pragma once

#include "ActionRules.h"
#include "CacheRecords.h"
#include "Catalogue.h"
#include "Clock.h"
#include "Complaint.h"
#include "DraftStore.h"

#include <QJsonObject>
#include <QTextCursor>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QIcon;
class QImage;
class QDateEdit;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QListWidget;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace rd {

// The agency's answer to one complaint: solved (text and evidence photos),
// a resolution deadline (a date within the catalogue's rules and the plan),
// its one extension, a reasoned refusal (a ground from the catalogue, its
// template, reasoning of at least the minimum length) — and internal notes.
// Everything typed is saved as a draft in the cache shortly after typing
// stops, so it survives closing, crashes and days offline. Send validates on
// the fields and hands the action to the window, which queues it.
class AnswerEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnswerEditor)
public:
    explicit AnswerEditor(DraftStore &drafts, QWidget *parent = nullptr);

    void setCatalogue(const Catalogue &catalogue);
    // Who answers: decides which answers the rules offer.
    void setActor(const Actor &actor);
    // Who answers, by name: the templates' {executor}.
    void setExecutor(const QString &name) { m_executor = name; }
    void setToday(const QDate &today);
    void setClock(const Clock &clock) { m_clock = &clock; }
    void setAutosaveDelay(int ms);
    void setComplaint(const std::optional<Complaint> &complaint);
    qint64 complaintId() const { return m_complaint ? m_complaint->id : 0; }

    // The kinds the complaint's state allows for this role, as action codes.
    QStringList allowedKinds() const;
    void setKind(const QString &action);
    QString kind() const;
    // Saves the draft now (the debounce pending or not).
    void saveNow();
    bool hasUnsavedChanges() const;
    // What choosing a template from the menu does, for tests.
    void insertTemplateForTests(const QString &text) { insertTemplate(text); }
    // Checks the fields; on success the action's body, else messages on the fields.
    std::optional<QJsonObject> validate();
    void evidenceUploaded(const Photo &photo, const QString &path);
    void evidenceFailed(const QString &path, const QString &message);
    // An evidence photo's picture arrived (photoWanted): its thumbnail shows.
    void setPhoto(const QString &photoId, const QImage &image);

Q_SIGNALS:
    void sendRequested(qint64 complaintId, const QString &action, const QJsonObject &fields,
                       qint64 baseVersion);
    void evidenceWanted(qint64 complaintId, const QString &path);
    void photoWanted(const QString &photoId);
    void draftChanged(qint64 complaintId); // saved or discarded: the queue's marker changes

private:
    // The constructor's parts, in the order the widgets are made (the tab order).
    void createFields();
    void createMessagesAndButtons();
    void buildLayout();
    QFormLayout *buildForm();
    QHBoxLayout *buildEvidenceRow();
    void connectFields();

    void removeSelectedEvidence();
    // The templates (AnswerEditorTemplates.cpp): the menu for the kind and
    // the complaint's category, then the user's own snippets.
    void fillTemplateMenu();
    void insertTemplate(const QString &text);
    void fillChosenDate(); // a deadline chosen: the text's {date} becomes it
    void saveSnippet();
    void removeSnippet(int index);
    // The snippets as stored; a cache that fails says so on the form.
    QList<DraftStore::Snippet> storedSnippets();
    bool storeSnippets(const QList<DraftStore::Snippet> &snippets);
    QIcon thumbnail(const QImage &image) const;
    // Where the photo dialog opens: the folder last used, else Pictures, else home.
    QString evidenceFolder() const;
    void kindChanged();
    void groundChanged();
    void edited();
    void updateCounter();
    void clearErrors();
    void showErrors(const QJsonObject &errors);
    void attachPhotos();
    void discard();
    void send();
    void loadDraft(const Draft &draft);
    Draft currentDraft() const;
    QDateTime now() const { return m_clock->now(); }

    DraftStore &m_drafts;
    Catalogue m_catalogue;
    Actor m_actor;
    QDate m_today;
    const Clock *m_clock = &Clock::system();
    std::optional<Complaint> m_complaint;
    qint64 m_baseVersion = 0;
    QString m_insertedTemplate;
    // Where a chosen deadline filled a template's {date}, and as what.
    QList<QTextCursor> m_dateMarks;
    QString m_filledDate;
    QStringList m_photoIds;
    QString m_evidenceFolder;
    bool m_loading = false;
    bool m_dirty = false;
    QComboBox *m_kind = nullptr;
    QLabel *m_kindHint = nullptr;
    QComboBox *m_ground = nullptr;
    QLabel *m_groundLabel = nullptr;
    QLabel *m_legalBasis = nullptr;
    QDateEdit *m_deadline = nullptr;
    QLabel *m_deadlineLabel = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_counter = nullptr;
    QLabel *m_evidenceLabel = nullptr;
    QListWidget *m_evidence = nullptr;
    QPushButton *m_attach = nullptr;
    QPushButton *m_removeEvidence = nullptr;
    QLabel *m_textError = nullptr;
    QLabel *m_deadlineError = nullptr;
    QLabel *m_groundError = nullptr;
    QLabel *m_formError = nullptr;
    QLabel *m_draftStatus = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_discard = nullptr;
    QPushButton *m_templates = nullptr;
    QMenu *m_templateMenu = nullptr;
    QString m_executor;
    QTimer *m_autosave = nullptr;
};

} // namespace rd
