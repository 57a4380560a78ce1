//! A small round-robin TCP balancer on loopback, as a city would put in front of several
//! backend processes: each connection goes to the next upstream that accepts it, so one that is
//! gone is passed over.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::net::{TcpListener, TcpStream};

pub struct Balancer {
    pub addr: SocketAddr,
    task: tokio::task::JoinHandle<()>,
}

impl Balancer {
    pub async fn start(upstreams: Vec<SocketAddr>) -> anyhow::Result<Self> {
        anyhow::ensure!(!upstreams.is_empty(), "a balancer needs an upstream");
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let upstreams = Arc::new(upstreams);
        let next = Arc::new(AtomicUsize::new(0));
        let task = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let (upstreams, next) = (upstreams.clone(), next.clone());
                tokio::spawn(async move {
                    let first = next.fetch_add(1, Ordering::Relaxed);
                    for i in 0..upstreams.len() {
                        let upstream = upstreams[(first + i) % upstreams.len()];
                        if let Ok(server) = TcpStream::connect(upstream).await {
                            let (mut client, mut server) = (client, server);
                            let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                            return;
                        }
                    }
                    // None accepts: the client's connection is closed, as a balancer with no
                    // healthy upstream would.
                });
            }
        });
        Ok(Balancer { addr, task })
    }
}

impl Drop for Balancer {
    fn drop(&mut self) {
        self.task.abort();
    }
}
