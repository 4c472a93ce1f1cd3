#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace rd {

class QueueModel;

// The queue as the desk shows it: the table of complaints (columns sized
// for what they hold, in this language and font) and, when the cache cannot
// be read, the reason and what to do in its place, so an unreadable queue
// never passes for an empty one.
class QueuePane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueuePane)
public:
    explicit QueuePane(QueueModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }

private:
    void createTable();
    void fitColumns();
    void fitColumn(int column, const QStringList &samples);
    void createProblem();
    void showError(const QString &message);

    QueueModel *m_model;
    QTableView *m_table = nullptr;
    QWidget *m_problem = nullptr;
    QLabel *m_problemText = nullptr;
    QPushButton *m_retry = nullptr;
};

} // namespace rd
