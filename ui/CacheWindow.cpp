#include "CacheWindow.h"

#include "LocalCache.h"
#include "QueueItemDelegate.h"
#include "QueueModel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace rd {

CacheWindow::CacheWindow(LocalCache &cache, QWidget *parent)
    : QMainWindow(parent)
    , m_cache(cache)
{
    setObjectName(QStringLiteral("cacheWindow"));
    setWindowTitle(tr("RegionDesk — local cache"));

    m_model = new QueueModel(cache.complaints(), cache.catalogue().load(), this);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search by number, text or address (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search"));
    m_search->setClearButtonEnabled(true);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new QueueItemDelegate(m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(QueueModel::CreatedColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QueueModel::AddressColumn,
                                                      QHeaderView::Stretch);
    m_table->setColumnWidth(QueueModel::IdColumn, 80);
    m_table->setColumnWidth(QueueModel::StateColumn, 170);
    m_table->setColumnWidth(QueueModel::CategoryColumn, 300);
    m_table->setColumnWidth(QueueModel::CreatedColumn, 100);
    m_table->setColumnWidth(QueueModel::DueColumn, 110);
    m_table->setColumnWidth(QueueModel::VotesColumn, 80);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_search);
    layout->addWidget(m_table);
    setCentralWidget(central);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("cacheStatus"));
    statusBar()->addWidget(m_status, 1);

    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    auto *editMenu = menuBar()->addMenu(tr("&Edit"));
    auto *find = editMenu->addAction(tr("&Find…"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    // Debounced a little so a fast typist's burst costs one query.
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(120);
    connect(m_searchDelay, &QTimer::timeout, this, &CacheWindow::applySearch);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));

    updateStatus();
    resize(1200, 720);
}

CacheWindow::~CacheWindow() = default;

void CacheWindow::applySearch()
{
    QueueQuery query = m_model->query();
    query.text = m_search->text();
    m_model->setQuery(query);
    updateStatus();
}

void CacheWindow::updateStatus()
{
    const qint64 total = m_cache.complaints().count();
    const int shown = m_model->rowCount();
    const QDateTime lastSync = m_cache.syncState().lastSuccess;
    const QString synced =
        lastSync.isValid()
            ? tr("last synchronised %1")
                  .arg(QLocale().toString(lastSync.toLocalTime(), QLocale::ShortFormat))
            : tr("never synchronised");
    m_status->setText(tr("%1 of %n complaint(s) in the local cache %2 · %3 · this window "
                         "works offline; synchronise with \"regiondesk sync\"",
                         "", int(total))
                          .arg(shown)
                          .arg(QDir::toNativeSeparators(m_cache.path()), synced));
}

} // namespace rd
