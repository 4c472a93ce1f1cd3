#pragma once

#include "ServerConfig.h"

#include <QHash>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace rd::server {

class ApiService;
class ServerStore;
class SharedState;

// Opens a new connection to the server's store (one per worker thread).
// main.cpp builds it: today an SQLite file (WAL: readers and one writer at
// a time, each connection waiting up to its busy timeout for the writer).
using StoreFactory = std::function<std::unique_ptr<ServerStore>()>;

// A fixed set of threads, each with its own store connection and its own
// ApiService over it, that run jobs one at a time. Jobs are queued per key
// (the client's address) and taken from the keys in turn, so one client
// with many requests waiting delays another client by at most one job per
// thread. Urgent jobs (sign-ins with no recent failure) go first. Jobs run on the worker's thread
// and must post their results back themselves.
class WorkerPool final
{
public:
    struct Worker
    {
        ServerStore &store;
        ApiService &api;
    };
    using Job = std::function<void(Worker &)>;

    // name: for the log and the threads' names.
    // urgentThreads more threads take urgent jobs only (so an urgent job
    // never waits behind the others). Background: the threads (not the
    // urgent-only ones) run at a lower CPU priority than the process's
    // others, so their work takes the CPU the rest leaves.
    enum class Priority
    {
        Normal,
        Background
    };
    WorkerPool(QString name, int threads, StoreFactory factory, const ServerConfig &config,
               SharedState &shared, int urgentThreads = 0, Priority priority = Priority::Normal);
    ~WorkerPool(); // finishes the jobs that started, drops those still queued
    Q_DISABLE_COPY_MOVE(WorkerPool)

    // Starts the threads and waits until each has opened its store;
    // returns what went wrong (empty if nothing).
    QString start();
    // Where clients reach this server (ServerConfig::publicUrl); before start().
    void setPublicUrl(const QUrl &url) { m_config.publicUrl = url; }
    void post(const QString &key, Job job, bool urgent = false);
    // Jobs queued and not yet started.
    qsizetype queued() const;

private:
    void run(int index);
    bool take(Job *job, bool urgentOnly);

    const QString m_name;
    const int m_threads; // in all, the urgent-only ones last
    const int m_urgentThreads;
    const Priority m_priority;
    StoreFactory m_factory;
    ServerConfig m_config; // const once started
    SharedState &m_shared;
    std::atomic<qint64> &m_depth; // the metrics' gauge of m_queued

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_ready;
    bool m_stopping = false;
    int m_started = 0;
    QString m_startError;
    struct Lane
    {
        QHash<QString, std::deque<Job>> queues; // by key
        std::deque<QString> turns;              // keys with jobs, in the order served
    };
    Lane m_lanes[2]; // urgent, then the others
    qsizetype m_queued = 0;
    std::vector<std::thread> m_workers;
};

} // namespace rd::server
