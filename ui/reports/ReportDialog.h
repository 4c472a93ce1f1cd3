#pragma once

#include "Clock.h"
#include "LocalCache.h"
#include "report/Report.h"

#include <QDialog>
#include <QPointer>

#include <atomic>
#include <memory>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLayout;
class QListWidget;
class QProgressBar;
class QPushButton;
class QThread;

namespace rd {

struct UserInfo;

// File ▸ Reports: the parameters (period preset or custom, agency — all of
// them only for roles that see all —, categories, districts, orientation),
// then preview, print, PDF, CSV or XLSX. The numbers are built off the UI
// thread from the cache file (its own connection), with progress and Cancel.
class ReportDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Output
    {
        Preview,
        Print,
        Pdf,
        Csv,
        Xlsx
    };

    // Reports are built from the cache on a connection of their own, opened
    // as the cache was (its key too).
    ReportDialog(const LocalCache &cache, const Catalogue &catalogue, const UserInfo &user,
                 const Clock &clock = Clock::system(), QWidget *parent = nullptr);
    ~ReportDialog() override;

    ReportParameters parameters() const;
    // Builds and writes to `path` (Pdf, Csv, Xlsx) without asking where;
    // finished() tells how it went. The buttons ask for the file first.
    void exportTo(Output output, const QString &path);
    void cancel();
    bool isBusy() const;

Q_SIGNALS:
    void finished(bool ok, const QString &message);

protected:
    void reject() override;

private:
    // The parts of the dialog, made by the constructor.
    QLayout *createPeriodFields();
    void createAgencyField(const UserInfo &user);
    QLayout *createProgressRow();
    QDialogButtonBox *createButtons();

    void run(Output output, const QString &path);
    void done(Output output, const ReportData &report, const QString &problem, bool cancelled);
    void periodChosen();
    void setBusy(bool busy);
    QString askPath(Output output);

    QString m_cachePath;
    CacheOptions m_cacheOptions;
    Catalogue m_catalogue;
    QString m_author;
    const Clock &m_clock;
    QComboBox *m_period = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_agency = nullptr;
    QListWidget *m_categories = nullptr;
    QListWidget *m_districts = nullptr;
    QComboBox *m_orientation = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_status = nullptr;
    QList<QPushButton *> m_actions;
    QPointer<QThread> m_worker;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    QDate m_today;
    QTimeZone m_zone;
};

} // namespace rd
