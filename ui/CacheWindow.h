#pragma once

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace rd {

class LocalCache;
class QueueModel;

// The first window of RegionDesk: the complaints in the local cache as a
// queue, with as-you-type full-text search. It works entirely offline; the
// desk window of the desk issue grows from here.
class CacheWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheWindow)
public:
    explicit CacheWindow(LocalCache &cache, QWidget *parent = nullptr);
    ~CacheWindow() override;

private:
    void applySearch();
    void updateStatus();

    LocalCache &m_cache;
    QueueModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_searchDelay = nullptr;
};

} // namespace rd
