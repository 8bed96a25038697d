package io.synthgate.generator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of table {@code generator_call}: one outbound generator call, or one the egress guard stopped. */
@Entity
@Table(name = "generator_call")
public class GeneratorCallEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "called_at", nullable = false)
    public Instant calledAt;

    @Column(nullable = false)
    public String generator;

    @Column(nullable = false)
    public String provider;

    public String model;

    @Column(nullable = false)
    public String operation;

    public String reference;

    @Column(nullable = false)
    public int attempt;

    @Column(nullable = false)
    public String endpoint;

    @Column(name = "http_status")
    public Integer httpStatus;

    @Column(nullable = false)
    public String outcome;

    @Column(name = "provider_code")
    public String providerCode;

    @Column(name = "request_id")
    public String requestId;

    public String detail;

    public String prompt;

    @Column(name = "input_sha256")
    public String inputSha256;

    @Column(name = "mask_sha256")
    public String maskSha256;

    @Column(name = "output_sha256")
    public String outputSha256;

    @Column(name = "latency_ms", nullable = false)
    public long latencyMs;
}
