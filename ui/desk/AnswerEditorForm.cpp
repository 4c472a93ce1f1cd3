// AnswerEditor's widgets: the fields, messages and buttons, their layout and
// connections (AnswerEditor.cpp holds what they do).

#include "AnswerEditor.h"
#include "DateField.h"

#include "DraftStore.h"
#include "Theme.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

namespace rd {

namespace {

QLabel *errorLabel(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    setTone(label, Tone::Alert);
    label->setVisible(false);
    return label;
}

} // namespace

// AnswerEditorTemplates.cpp: placeholders left in the text are marked.
void markPlaceholders(QPlainTextEdit *text);

AnswerEditor::AnswerEditor(DraftStore &drafts, QWidget *parent)
    : QWidget(parent)
    , m_drafts(drafts)
{
    setObjectName(QStringLiteral("answerEditor"));
    createFields();
    createMessagesAndButtons();
    buildLayout();
    connectFields();
    setComplaint(std::nullopt);
}

void AnswerEditor::createFields()
{
    m_kind = new QComboBox(this);
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_kind->setMinimumContentsLength(14);
    m_kind->setObjectName(QStringLiteral("answerKind"));
    m_kind->setAccessibleDescription(
        tr("What the answer is: solved, a resolution deadline, its extension, a reasoned "
           "refusal, or an internal note"));
    m_kindHint = new QLabel(this);
    m_kindHint->setObjectName(QStringLiteral("answerKindHint"));
    m_kindHint->setWordWrap(true);

    m_ground = new QComboBox(this);
    m_ground->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_ground->setMinimumContentsLength(14);
    m_ground->setObjectName(QStringLiteral("refusalGround"));
    m_ground->setAccessibleDescription(
        tr("The legal ground of the refusal; choosing one puts its template in the text"));
    m_legalBasis = new QLabel(this);
    m_legalBasis->setObjectName(QStringLiteral("legalBasis"));
    m_legalBasis->setWordWrap(true);
    m_deadline = new DateField(this);
    m_deadline->setObjectName(QStringLiteral("answerDeadline"));
    m_deadline->setAccessibleDescription(
        tr("The date the problem will be solved by; type the digits of day, month and year"));
    m_deadline->setCalendarPopup(true);
    m_deadline->setSpecialValueText(tr("choose the date")); // shown at the minimum: none chosen
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("answerText"));
    m_text->setAccessibleDescription(
        tr("The answer the citizen reads (a note: only staff); saved as a draft as you type; "
           "Ctrl+Enter sends"));
    m_text->setTabChangesFocus(true);
    m_text->setMinimumHeight(90);
    m_counter = new QLabel(this);
    m_counter->setObjectName(QStringLiteral("answerCounter"));
    m_evidence = new QListWidget(this);
    m_evidence->setObjectName(QStringLiteral("evidenceList"));
    m_evidence->setAccessibleName(tr("Evidence photos"));
    m_evidence->setAccessibleDescription(tr("The photos sent with the answer that it is solved"));
    // The photos as thumbnails in a row (the file name in the tooltip).
    m_evidence->setViewMode(QListView::IconMode);
    m_evidence->setFlow(QListView::LeftToRight);
    m_evidence->setWrapping(false);
    m_evidence->setMovement(QListView::Static);
    m_evidence->setIconSize(QSize(72, 54));
    m_evidence->setFixedHeight(m_evidence->iconSize().height() + fontMetrics().height() * 2 + 16);
    m_evidence->setTextElideMode(Qt::ElideMiddle);
    m_evidence->setGridSize(
        QSize(96, m_evidence->iconSize().height() + fontMetrics().height() + 8));
    m_attach = new QPushButton(tr("Attach &photos…"), this);
    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_attach->setAccessibleDescription(tr("Chooses photos on this computer to send as evidence"));
    m_removeEvidence = new QPushButton(tr("Remo&ve"), this);
    m_removeEvidence->setObjectName(QStringLiteral("removeEvidenceButton"));
    m_removeEvidence->setAccessibleDescription(tr("Takes the chosen photo off the answer"));
}

void AnswerEditor::createMessagesAndButtons()
{
    m_textError = errorLabel(this, "textError");
    m_deadlineError = errorLabel(this, "deadlineError");
    m_groundError = errorLabel(this, "groundError");
    m_formError = errorLabel(this, "formError");
    m_draftStatus = new QLabel(this);
    m_draftStatus->setObjectName(QStringLiteral("draftStatus"));
    // "Draft saved at 12:03" comes and goes: it must never widen the pane
    // (the list beside it would be squeezed). It takes the room left.
    m_draftStatus->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_templates = new QPushButton(tr("&Insert template"), this);
    m_templates->setObjectName(QStringLiteral("insertTemplate"));
    m_templates->setToolTip(tr("Response templates for this answer and category, and your own "
                               "snippets; placeholders are filled in for this complaint"));
    m_templateMenu = new QMenu(m_templates);
    m_templateMenu->setObjectName(QStringLiteral("templateMenu"));
    m_templateMenu->setToolTipsVisible(true); // a template's whole text
    m_templates->setMenu(m_templateMenu);
    connect(m_templateMenu, &QMenu::aboutToShow, this, &AnswerEditor::fillTemplateMenu);
    markPlaceholders(m_text);
    m_send = new QPushButton(tr("&Send (Ctrl+Enter)"), this);
    m_send->setObjectName(QStringLiteral("sendAnswer"));
    m_send->setAccessibleDescription(
        tr("Checks the answer and queues it; it is sent after the hold, or when back online"));
    m_discard = new QPushButton(tr("Discard draft…"), this);
    m_discard->setObjectName(QStringLiteral("discardDraft"));
    m_discard->setAccessibleDescription(tr("Throws the draft away, after asking"));
}

void AnswerEditor::buildLayout()
{
    QFormLayout *form = buildForm();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_templates);
    buttons->addStretch(1);
    buttons->addWidget(m_discard);
    buttons->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_formError);
    layout->addLayout(buttons);
}

QFormLayout *AnswerEditor::buildForm()
{
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Answer:"), m_kind);
    form->addRow(QString(), m_kindHint);
    m_groundLabel = new QLabel(tr("&Ground:"), this);
    m_groundLabel->setBuddy(m_ground);
    form->addRow(m_groundLabel, m_ground);
    form->addRow(QString(), m_legalBasis);
    form->addRow(QString(), m_groundError);
    m_deadlineLabel = new QLabel(tr("Fi&x by:"), this);
    m_deadlineLabel->setBuddy(m_deadline);
    form->addRow(m_deadlineLabel, m_deadline);
    form->addRow(QString(), m_deadlineError);
    auto *textLabel = new QLabel(tr("&Text:"), this);
    textLabel->setBuddy(m_text);
    form->addRow(textLabel, m_text);
    // Under the text: whether the draft is saved, and how long the text is.
    auto *counterRow = new QHBoxLayout;
    counterRow->addWidget(m_draftStatus, 1);
    counterRow->addWidget(m_counter, 0, Qt::AlignTop | Qt::AlignRight);
    form->addRow(QString(), counterRow);
    form->addRow(QString(), m_textError);
    m_evidenceLabel = new QLabel(tr("Evidence:"), this);
    m_evidenceLabel->setBuddy(m_attach);
    form->addRow(m_evidenceLabel, buildEvidenceRow());
    return form;
}

QHBoxLayout *AnswerEditor::buildEvidenceRow()
{
    auto *photoRow = new QHBoxLayout;
    photoRow->addWidget(m_evidence, 1);
    auto *photoButtons = new QVBoxLayout;
    photoButtons->addWidget(m_attach);
    photoButtons->addWidget(m_removeEvidence);
    photoButtons->addStretch();
    photoRow->addLayout(photoButtons);
    return photoRow;
}

void AnswerEditor::connectFields()
{
    m_autosave = new QTimer(this);
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(700);
    connect(m_autosave, &QTimer::timeout, this, &AnswerEditor::saveNow);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &AnswerEditor::kindChanged);
    connect(m_ground, &QComboBox::currentIndexChanged, this, &AnswerEditor::groundChanged);
    connect(m_text, &QPlainTextEdit::textChanged, this, &AnswerEditor::edited);
    connect(m_text, &QPlainTextEdit::textChanged, this, &AnswerEditor::updateCounter);
    // Filled when the date is settled (typing goes through other dates on
    // the way), and again before sending.
    connect(m_deadline, &QDateEdit::editingFinished, this, &AnswerEditor::fillChosenDate);
    connect(m_deadline, &QDateEdit::dateChanged, this, &AnswerEditor::edited);
    connect(m_attach, &QPushButton::clicked, this, &AnswerEditor::attachPhotos);
    connect(m_removeEvidence, &QPushButton::clicked, this, &AnswerEditor::removeSelectedEvidence);
    connect(m_send, &QPushButton::clicked, this, &AnswerEditor::send);
    connect(m_discard, &QPushButton::clicked, this, &AnswerEditor::discard);
    // Ctrl+Return and Ctrl+Enter (the keypad's) both send.
    for (const Qt::Key key : {Qt::Key_Return, Qt::Key_Enter}) {
        auto *sendShortcut = new QShortcut(QKeySequence(Qt::CTRL | key), this);
        sendShortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(sendShortcut, &QShortcut::activated, this, &AnswerEditor::send);
    }
}

void AnswerEditor::removeSelectedEvidence()
{
    const int row = m_evidence->currentRow();
    if (row < 0)
        return;
    m_photoIds.removeAll(m_evidence->item(row)->data(Qt::UserRole).toString());
    delete m_evidence->takeItem(row);
    edited();
}

} // namespace rd
