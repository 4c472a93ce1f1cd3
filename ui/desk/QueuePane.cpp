#include "QueuePane.h"
#include "DateText.h"

#include "QueueItemDelegate.h"
#include "QueueModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace rd {

QueuePane::QueuePane(QueueModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("queuePane"));
    createTable();
    fitColumns();
    createProblem();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_problem);
    layout->addWidget(m_table);
    connect(m_model, &QueueModel::errorChanged, this, &QueuePane::showError);
    showError(m_model->error());
}

void QueuePane::createTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setAccessibleName(tr("Complaints in the queue"));
    m_table->setAccessibleDescription(
        tr("The chosen queue's complaints; the arrow keys move, the open one is shown beside"));
    // Tab leaves the list for the complaint (the arrows move within it):
    // cell by cell it would hold the keyboard for a whole row of columns.
    m_table->setTabKeyNavigation(false);
    m_table->setModel(m_model);
    m_table->setItemDelegate(new QueueItemDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Shift and Ctrl choose several (Complaint ▸ For the selected); the
    // current row is the one open beside.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QueueModel::AddressColumn,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
}

// Widths that fit what the columns hold, in this language and font.
void QueuePane::fitColumns()
{
    fitColumn(QueueModel::IdColumn, {QStringLiteral("00000 ✎ ↑")});
    fitColumn(QueueModel::StateColumn, {QueueModel::stateName(ComplaintState::Published),
                                        QueueModel::stateName(ComplaintState::InProgress)});
    fitColumn(QueueModel::CategoryColumn, {QString(15, QLatin1Char('n'))});
    // "333 days" in either language.
    fitColumn(QueueModel::CreatedColumn, {QStringLiteral("333 nnnnn")});
    fitColumn(QueueModel::DueColumn, {DateText::date(QDate(2026, 12, 28))});
    fitColumn(QueueModel::VotesColumn, {QStringLiteral("9999")});
}

// As wide as the column's title in bold or the widest of the samples.
void QueuePane::fitColumn(int column, const QStringList &samples)
{
    QFont bold = m_table->horizontalHeader()->font();
    bold.setBold(true);
    int width = QFontMetrics(bold).horizontalAdvance(
                    m_model->headerData(column, Qt::Horizontal).toString()) +
                24;
    const QFontMetrics metrics = m_table->fontMetrics();
    for (const QString &sample : samples)
        width = qMax(width, metrics.horizontalAdvance(sample) + 16);
    m_table->setColumnWidth(column, width);
}

// In the table's place when the queue cannot be read.
void QueuePane::createProblem()
{
    m_problem = new QWidget(this);
    m_problem->setObjectName(QStringLiteral("queueProblem"));
    auto *icon = new QLabel(m_problem);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(iconSize));
    icon->setAlignment(Qt::AlignTop);
    auto *title =
        new QLabel(tr("<b>The queue cannot be read from the local cache.</b>"), m_problem);
    m_problemText = new QLabel(m_problem);
    m_problemText->setObjectName(QStringLiteral("queueProblemText"));
    m_problemText->setWordWrap(true);
    m_problemText->setTextInteractionFlags(Qt::TextSelectableByMouse |
                                           Qt::TextSelectableByKeyboard);
    m_problemText->setTextFormat(Qt::PlainText);
    auto *hint = new QLabel(tr("The complaints are not lost: what the cache holds stays as it "
                               "is, and so do your drafts and unsent actions. If it keeps "
                               "failing, send Help ▸ Copy diagnostics with your support "
                               "request."),
                            m_problem);
    hint->setWordWrap(true);
    m_retry = new QPushButton(tr("&Try again"), m_problem);
    m_retry->setObjectName(QStringLiteral("queueRetry"));
    connect(m_retry, &QPushButton::clicked, m_model, &QueueModel::reload);
    auto *texts = new QVBoxLayout;
    texts->addWidget(title);
    texts->addWidget(m_problemText);
    texts->addWidget(hint);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_retry);
    buttons->addStretch();
    texts->addLayout(buttons);
    texts->addStretch();
    auto *row = new QHBoxLayout(m_problem);
    row->addWidget(icon);
    row->addLayout(texts, 1);
}

void QueuePane::showError(const QString &message)
{
    m_problemText->setText(message);
    m_problem->setAccessibleName(message.isEmpty() ? QString() : tr("The queue cannot be read"));
    m_problem->setAccessibleDescription(message);
    m_problem->setVisible(!message.isEmpty());
    m_table->setVisible(message.isEmpty());
    if (!message.isEmpty() && m_table->hasFocus())
        m_retry->setFocus();
}

} // namespace rd
