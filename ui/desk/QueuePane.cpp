#include "QueuePane.h"

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
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setAccessibleName(tr("Complaints in the queue"));
    m_table->setModel(model);
    m_table->setItemDelegate(new QueueItemDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QueueModel::AddressColumn,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    // Widths that fit what the columns hold, in this language and font.
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto fit = [&](int column, const QStringList &samples) {
        QFont bold = m_table->horizontalHeader()->font();
        bold.setBold(true);
        int width = QFontMetrics(bold).horizontalAdvance(
                        model->headerData(column, Qt::Horizontal).toString()) +
                    24;
        for (const QString &sample : samples)
            width = qMax(width, metrics.horizontalAdvance(sample) + 16);
        m_table->setColumnWidth(column, width);
    };
    fit(QueueModel::IdColumn, {QStringLiteral("00000 ✎ ↑")});
    fit(QueueModel::StateColumn, {QueueModel::stateName(ComplaintState::Published),
                                  QueueModel::stateName(ComplaintState::InProgress)});
    fit(QueueModel::CategoryColumn, {QString(15, QLatin1Char('n'))});
    fit(QueueModel::CreatedColumn, {QStringLiteral("333 nnnnn")}); // "333 days" in either language
    fit(QueueModel::DueColumn, {QLocale().toString(QDate(2026, 12, 28), QLocale::ShortFormat)});
    fit(QueueModel::VotesColumn, {QStringLiteral("9999")});

    // In the table's place when the queue cannot be read.
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
    connect(m_retry, &QPushButton::clicked, model, &QueueModel::reload);
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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_problem);
    layout->addWidget(m_table);
    connect(model, &QueueModel::errorChanged, this, &QueuePane::showError);
    showError(model->error());
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
