// AnswerEditor's templates: the catalogue's response templates for the
// answer being written and the complaint's category, and the user's own
// snippets, inserted at the cursor with their placeholders filled in for
// this complaint; whatever placeholder is left is marked in the text (and
// validate() refuses to send it).

#include "AnswerEditor.h"

#include "AnswerTemplates.h"
#include "DraftStore.h"
#include "Theme.h"

#include <QDateEdit>
#include <QEvent>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCursor>
#include <QTextDocument>

namespace rd {

namespace {

// "{date}" and its kind, wherever in the text: in the alert colour, bold.
class PlaceholderHighlighter final : public QSyntaxHighlighter
{
public:
    explicit PlaceholderHighlighter(QTextDocument *document, QWidget *palette)
        : QSyntaxHighlighter(document)
        , m_palette(palette)
    {
        m_palette->installEventFilter(this);
    }

    // The colours changed (View ▸ Colours, the system's theme): marked again.
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_palette && event->type() == QEvent::PaletteChange)
            rehighlight();
        return QSyntaxHighlighter::eventFilter(watched, event);
    }

protected:
    void highlightBlock(const QString &text) override
    {
        QTextCharFormat format;
        format.setForeground(toneColor(Tone::Alert, m_palette->palette(), QPalette::Base));
        format.setFontWeight(QFont::Bold);
        for (const QString &p : AnswerTemplates::left(text)) {
            for (qsizetype at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + p.size()))
                setFormat(int(at), int(p.size()), format);
        }
    }

private:
    QWidget *m_palette;
};

void showOnForm(QLabel *label, const QString &message)
{
    label->setText(message);
    label->setVisible(true);
}

// A menu entry's text: "&" shown as it is, long titles cut.
QString entryText(const QString &title)
{
    QString t = title.size() > 60 ? title.left(59) + QChar(0x2026) : title;
    return t.replace(QLatin1Char('&'), QStringLiteral("&&"));
}

} // namespace

void markPlaceholders(QPlainTextEdit *text)
{
    new PlaceholderHighlighter(text->document(), text);
}

void AnswerEditor::fillTemplateMenu()
{
    m_templateMenu->clear();
    // clear() deletes the actions, not the submenus made last time.
    qDeleteAll(m_templateMenu->findChildren<QMenu *>(Qt::FindDirectChildrenOnly));
    const QString k = kind();
    const QList<AnswerTemplate> central =
        AnswerTemplates::applicable(m_catalogue, k, m_complaint ? m_complaint->categoryId : 0);
    m_templateMenu->addSection(tr("Templates"));
    for (const AnswerTemplate &t : central) {
        QAction *a = m_templateMenu->addAction(entryText(t.title));
        a->setObjectName(QStringLiteral("template:") + t.code);
        a->setToolTip(t.text);
        connect(a, &QAction::triggered, this, [this, text = t.text] { insertTemplate(text); });
    }
    if (central.isEmpty())
        m_templateMenu->addAction(tr("None for this answer"))->setEnabled(false);
    m_templateMenu->addSection(tr("My snippets"));
    const QList<DraftStore::Snippet> snippets = storedSnippets();
    for (const DraftStore::Snippet &s : snippets) {
        QAction *a = m_templateMenu->addAction(entryText(s.title));
        a->setObjectName(QStringLiteral("snippet"));
        connect(a, &QAction::triggered, this, [this, text = s.text] { insertTemplate(text); });
    }
    m_templateMenu->addSeparator();
    QAction *save = m_templateMenu->addAction(tr("Save the text as a snippet…"));
    save->setObjectName(QStringLiteral("saveSnippet"));
    save->setEnabled(!m_text->toPlainText().trimmed().isEmpty());
    connect(save, &QAction::triggered, this, &AnswerEditor::saveSnippet);
    QMenu *remove = m_templateMenu->addMenu(tr("Remove a snippet"));
    remove->setObjectName(QStringLiteral("removeSnippetMenu"));
    remove->setEnabled(!snippets.isEmpty());
    for (int i = 0; i < snippets.size(); ++i)
        connect(remove->addAction(entryText(snippets[i].title)), &QAction::triggered, this,
                [this, i] { removeSnippet(i); });
}

void AnswerEditor::insertTemplate(const QString &text)
{
    if (!m_complaint)
        return;
    AnswerTemplates::Values values;
    values.number = m_complaint->id;
    values.address = m_complaint->address;
    // A deadline's date is the one chosen (none yet: the placeholder stays
    // marked until it is filled in by hand); any other answer's is today.
    const bool deadline =
        kind() == QLatin1String("set_deadline") || kind() == QLatin1String("extend_deadline");
    values.date = !deadline                                        ? m_today
                  : m_deadline->date() > m_deadline->minimumDate() ? m_deadline->date()
                                                                   : QDate();
    if (const Agency *a = m_catalogue.agency(m_complaint->agencyId.value_or(0)))
        values.agency = a->name;
    values.executor = m_executor;
    m_text->textCursor().insertText(AnswerTemplates::fill(text, values));
    m_text->setFocus();
}

void AnswerEditor::fillChosenDate()
{
    const bool deadline =
        kind() == QLatin1String("set_deadline") || kind() == QLatin1String("extend_deadline");
    if (!deadline || m_loading || m_deadline->date() <= m_deadline->minimumDate())
        return;
    // A template inserted before the date was chosen: its {date} now can be.
    // Where an earlier choice was filled in and is still as it was, the new
    // one replaces it (the cursors follow the edits made around them).
    AnswerTemplates::Values values;
    values.date = m_deadline->date();
    const QString date = AnswerTemplates::fill(QStringLiteral("{date}"), values);
    if (date == m_filledDate && !m_text->toPlainText().contains(QStringLiteral("{date}")))
        return;
    QList<QTextCursor> marks;
    const auto mark = [&](QTextCursor c) {
        const int start = c.selectionStart();
        c.insertText(date);
        c.setPosition(start);
        c.setPosition(start + int(date.size()), QTextCursor::KeepAnchor);
        marks.append(c);
    };
    for (const QTextCursor &c : std::as_const(m_dateMarks)) {
        if (c.hasSelection() && c.selectedText() == m_filledDate)
            mark(c);
    }
    QTextDocument *document = m_text->document();
    const QString placeholder = QStringLiteral("{date}");
    for (QTextCursor c = document->find(placeholder, 0, QTextDocument::FindCaseSensitively);
         !c.isNull(); c = document->find(placeholder, c, QTextDocument::FindCaseSensitively))
        mark(c);
    m_dateMarks = marks;
    m_filledDate = date;
}

QList<DraftStore::Snippet> AnswerEditor::storedSnippets()
{
    try {
        return m_drafts.snippets();
    } catch (const std::exception &e) {
        showOnForm(m_formError,
                   tr("Your snippets could not be read: %1").arg(QString::fromUtf8(e.what())));
        return {};
    }
}

bool AnswerEditor::storeSnippets(const QList<DraftStore::Snippet> &snippets)
{
    try {
        m_drafts.setSnippets(snippets);
        return true;
    } catch (const std::exception &e) {
        showOnForm(m_formError,
                   tr("Your snippets could not be saved: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
}

void AnswerEditor::saveSnippet()
{
    const QString text = m_text->toPlainText().trimmed();
    if (text.isEmpty())
        return;
    bool ok = false;
    const QString title = QInputDialog::getText(this, tr("Save as a snippet"),
                                                tr("&Name of the snippet:"), QLineEdit::Normal,
                                                text.section(QLatin1Char('\n'), 0, 0).left(40), &ok)
                              .trimmed();
    if (!ok || title.isEmpty())
        return;
    QList<DraftStore::Snippet> snippets = storedSnippets();
    snippets.append({title, text});
    storeSnippets(snippets);
}

void AnswerEditor::removeSnippet(int index)
{
    QList<DraftStore::Snippet> snippets = storedSnippets();
    if (index < 0 || index >= snippets.size())
        return;
    snippets.removeAt(index);
    storeSnippets(snippets);
}

} // namespace rd
