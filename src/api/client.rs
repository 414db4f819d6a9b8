//! Who the client is. Behind the city's reverse proxy every request arrives from the
//! proxy; the resident's address is in `Forwarded` (RFC 7239) or `X-Forwarded-For`, which
//! anyone can also send. So those headers are read only when the peer is a proxy named in
//! `--trusted-proxies`, and then only up to the first hop that is not one of them (the
//! rightmost untrusted address): a client cannot choose its own address by prepending
//! hops.
use std::net::IpAddr;
use std::str::FromStr;

use actix_web::http::header::HeaderMap;
use ipnet::IpNet;

#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<IpNet>);

impl FromStr for TrustedProxies {
    type Err = String;

    /// A comma-separated list of networks (`10.0.0.0/8`) or addresses (`192.0.2.7`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut nets = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let net = IpNet::from_str(part)
                .or_else(|_| IpAddr::from_str(part).map(IpNet::from))
                .map_err(|_| format!("trusted proxies: {part:?} is not an address or a network"))?;
            nets.push(net);
        }
        Ok(Self(nets))
    }
}

impl TrustedProxies {
    fn trusts(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.0.iter().any(|n| n.contains(&ip))
    }

    /// The client's address: the peer's, or — when the peer is a trusted proxy — the
    /// rightmost forwarded hop that is not a trusted proxy (`Forwarded` first, then
    /// `X-Forwarded-For`). A hop that cannot be read ends the walk at the last one that
    /// could.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let peer = canonical(peer);
        if !self.trusts(peer) {
            return peer;
        }
        let hops = forwarded_for(headers).unwrap_or_else(|| x_forwarded_for(headers));
        let mut client = peer;
        for hop in hops.iter().rev() {
            if !self.trusts(client) {
                break;
            }
            match hop {
                Some(ip) => client = canonical(*ip),
                None => break,
            }
        }
        client
    }
}

/// IPv4 addresses seen through an IPv6 socket as themselves.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    }
}

/// The `for=` of every element of every `Forwarded` header, in order; `None` for a hop
/// that is not an address (`unknown`, an obfuscated name). `None` overall when there is
/// no `Forwarded` header.
fn forwarded_for(headers: &HeaderMap) -> Option<Vec<Option<IpAddr>>> {
    let mut hops = Vec::new();
    let mut any = false;
    for value in headers.get_all("forwarded") {
        any = true;
        let Ok(value) = value.to_str() else {
            hops.push(None);
            continue;
        };
        for element in value.split(',') {
            let node = element.split(';').find_map(|pair| {
                let (k, v) = pair.split_once('=')?;
                k.trim().eq_ignore_ascii_case("for").then(|| v.trim())
            });
            if let Some(node) = node {
                hops.push(parse_node(node));
            }
        }
    }
    any.then_some(hops)
}

/// `192.0.2.1`, `"192.0.2.1:4711"`, `"[2001:db8::1]"`, `"[2001:db8::1]:4711"`.
fn parse_node(node: &str) -> Option<IpAddr> {
    let node = node.trim_matches('"');
    if let Some(rest) = node.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    node.parse()
        .ok()
        .or_else(|| node.rsplit_once(':').and_then(|(ip, _)| ip.parse().ok()))
}

fn x_forwarded_for(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    headers
        .get_all("x-forwarded-for")
        .flat_map(|v| {
            v.to_str()
                .unwrap_or("")
                .split(',')
                .map(|h| h.trim())
                .filter(|h| !h.is_empty())
                .map(parse_node)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use actix_web::http::header::{HeaderName, HeaderValue};

    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(
                HeaderName::from_str(k).unwrap(),
                HeaderValue::from_str(v).unwrap(),
            );
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_headers_count_only_from_a_trusted_proxy_and_only_up_to_the_first_untrusted_hop() {
        let proxies: TrustedProxies = "10.0.0.0/8, 192.0.2.7".parse().unwrap();
        let spoof = headers(&[("x-forwarded-for", "1.2.3.4"), ("forwarded", "for=1.2.3.4")]);
        // From an untrusted peer the headers change nothing.
        assert_eq!(proxies.client(ip("203.0.113.9"), &spoof), ip("203.0.113.9"));
        assert_eq!(
            TrustedProxies::default().client(ip("10.1.1.1"), &spoof),
            ip("10.1.1.1")
        );
        // Through the proxy: the rightmost hop that is not a proxy, whatever the client
        // put in front of it.
        let h = headers(&[("x-forwarded-for", "6.6.6.6, 198.51.100.4, 10.2.2.2")]);
        assert_eq!(proxies.client(ip("10.0.0.1"), &h), ip("198.51.100.4"));
        let h = headers(&[(
            "forwarded",
            "for=6.6.6.6, for=\"[2001:db8::17]:4711\";proto=https, for=192.0.2.7",
        )]);
        assert_eq!(proxies.client(ip("10.0.0.1"), &h), ip("2001:db8::17"));
        // Forwarded wins over X-Forwarded-For; an unreadable hop stops the walk.
        let h = headers(&[
            ("forwarded", "for=unknown, for=10.3.3.3"),
            ("x-forwarded-for", "198.51.100.4"),
        ]);
        assert_eq!(proxies.client(ip("10.0.0.1"), &h), ip("10.3.3.3"));
        // IPv4 through an IPv6 socket is the same address.
        let h = headers(&[("x-forwarded-for", "198.51.100.4")]);
        assert_eq!(
            proxies.client(ip("::ffff:10.0.0.1"), &h),
            ip("198.51.100.4")
        );
        assert!("10.0.0.0/33".parse::<TrustedProxies>().is_err());
    }
}
